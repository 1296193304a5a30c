using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;
using Microsoft.Extensions.Options;

namespace CioAspNet.Links;

/// <inheritdoc cref="ICioLinkRewriter"/>
internal sealed class CioLinkRewriter : ICioLinkRewriter
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly DomainAllowListCache _allowLists;

    public CioLinkRewriter(IOptionsMonitor<CioOptions> options, DomainAllowListCache allowLists)
    {
        _options = options;
        _allowLists = allowLists;
    }

    public string RewriteUrl(string url, string cioId)
    {
        ArgumentNullException.ThrowIfNull(url);
        ValidateCioId(cioId);
        var cleaned = UrlText.Clean(url);
        return LinkUrl.IsAllowed(cleaned, AllowList) ? LinkUrl.WithCioId(cleaned, cioId) : url;
    }

    public string RewriteHtml(string html, string cioId)
    {
        ArgumentNullException.ThrowIfNull(html);
        ValidateCioId(cioId);
        var allowList = AllowList;
        if (allowList.IsEmpty)
        {
            return html;
        }

        var output = new ArrayBufferWriter<byte>(html.Length + 256);
        var rewriter = new HtmlRewriter(content: null, new LinkTagWriter(allowList, cioId, utf8: true));
        rewriter.Write(Encoding.UTF8.GetBytes(html), output);
        rewriter.Complete(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private DomainAllowList AllowList => _allowLists.Get(_options.CurrentValue);

    private static void ValidateCioId(string cioId)
    {
        if (!CioIdFormat.IsValid(cioId))
        {
            throw new ArgumentException("A cio_id must be 1 to 64 ASCII letters and digits.", nameof(cioId));
        }
    }
}
