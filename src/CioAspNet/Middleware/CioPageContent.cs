using System.Buffers;
using CioAspNet.Calls;
using CioAspNet.Rewriting;
using CioAspNet.Snippet;
using Microsoft.AspNetCore.Http;

namespace CioAspNet.Middleware;

/// <summary>
/// What the middleware inserts into one page: the loader, unless the page has one already, then the queued and
/// carried calls, then the enhanced navigation script when <see cref="CioOptions.TrackEnhancedNavigation"/> is on.
/// Each carries the request's CSP nonce, read when they are written, after the app has set it.
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

        // A <cio-snippet /> after the </body> end tag has already run in the view, though its output comes later.
        var page = _context.Features.Get<CioPageFeature>();
        if (!loaderPresent && page?.LoaderWritten != true)
        {
            _loader.WriteTo(output, nonce);
            if (page is not null)
            {
                page.LoaderWritten = true;
            }
        }

        // NOTE: blazor.web.js merges the response of an enhanced navigation into the current document without
        // running its scripts, so the browser never runs the calls queued for that response.
        CioCallScript.Write(output, _queue.TakePageCalls(), nonce);

        if (_options.TrackEnhancedNavigation)
        {
            EnhancedNavigationScript.WriteTo(output, nonce);
        }
    }
}
