using System.Buffers;
using CioAspNet.Rewriting;
using CioAspNet.Snippet;

namespace CioAspNet.Middleware;

/// <summary>What the middleware inserts into one page: the loader, unless the page has one already.</summary>
internal sealed class CioPageContent : IBodyEndContent
{
    private readonly CioLoader _loader;
    private readonly string? _nonce;

    public CioPageContent(CioLoader loader, string? nonce)
    {
        _loader = loader;
        _nonce = nonce;
    }

    public void WriteTo(IBufferWriter<byte> output, bool loaderPresent)
    {
        if (!loaderPresent)
        {
            _loader.WriteTo(output, _nonce);
        }
    }
}
