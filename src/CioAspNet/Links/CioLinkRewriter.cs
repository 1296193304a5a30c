using CioAspNet.Configuration;
using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Links;

/// <inheritdoc cref="ICioLinkRewriter"/>
internal sealed class CioLinkRewriter : ICioLinkRewriter
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly DomainAllowListCache _allowLists;
    private readonly ILogger _logger;

    public CioLinkRewriter(IOptionsMonitor<CioOptions> options, DomainAllowListCache allowLists, ILogger<CioLinkRewriter> logger)
    {
        _options = options;
        _allowLists = allowLists;
        _logger = logger;
    }

    public string RewriteUrl(string url, string cioId)
    {
        ArgumentNullException.ThrowIfNull(url);
        ValidateCioId(cioId);
        var cleaned = UrlText.Clean(url);
        var allowList = AllowList;
        return !allowList.IsEmpty && LinkUrl.IsAllowed(cleaned, allowList) ? LinkUrl.WithCioId(cleaned, cioId) : url;
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

    // Invalid options after a reload turn the package off, so no link gets a cio_id.
    private DomainAllowList AllowList =>
        CioOptionsAccess.TryGetCurrent(_options, _logger) is { Enabled: true } options
            ? _allowLists.Get(options)
            : DomainAllowList.Empty;

    private static void ValidateCioId(string cioId)
    {
        if (!CioIdFormat.IsValid(cioId))
        {
            throw new ArgumentException("A cio_id must be 1 to 64 ASCII letters and digits.", nameof(cioId));
        }
    }
}
