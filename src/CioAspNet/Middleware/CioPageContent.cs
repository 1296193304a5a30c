using System.Buffers;
using CioAspNet.Calls;
using CioAspNet.Rewriting;
using CioAspNet.Snippet;
using Microsoft.AspNetCore.Http;

namespace CioAspNet.Middleware;

/// <summary>
/// What the middleware inserts into one page: the loader, unless the page has one already, then the queued and
/// carried calls. Both carry the request's CSP nonce, read when they are written, after the app has set it.
/// </summary>
internal sealed class CioPageContent : IBodyEndContent
{
    private readonly CioLoader _loader;
    private readonly HttpContext _context;
    private readonly CioOptions _options;
    private readonly CioCallQueue _queue;

    public CioPageContent(CioLoader loader, HttpContext context, CioOptions options, CioCallQueue queue)
    {
        _loader = loader;
        _context = context;
        _options = options;
        _queue = queue;
    }

    public void WriteTo(IBufferWriter<byte> output, bool loaderPresent)
    {
        var nonce = CspNonce.Get(_context, _options.Csp);
        if (!loaderPresent)
        {
            _loader.WriteTo(output, nonce);
        }

        CioCallScript.Write(output, _queue.TakePageCalls(), nonce);
    }
}
