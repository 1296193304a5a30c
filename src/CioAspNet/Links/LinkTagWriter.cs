using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;

namespace CioAspNet.Links;

/// <summary>
/// Rewrites the <c>href</c> of an <c>a</c> or <c>area</c> start tag whose URL points to an allowed host, so it
/// carries <c>_cio_id</c>. The tag keeps its other bytes and its quoting; the new value is encoded for the
/// attribute. Links with a <c>data-cio-skip</c> attribute are left alone.
/// </summary>
internal sealed class LinkTagWriter
{
    private const int MaxStackUrlLength = 1024;

    private readonly DomainAllowList _allowList;
    private readonly string _cioId;
    private readonly bool _utf8;

    /// <param name="allowList">The hosts that may receive the cio_id.</param>
    /// <param name="cioId">A valid cio_id, see <see cref="CioIdFormat"/>.</param>
    /// <param name="utf8">Whether the document is UTF-8; links with non-ASCII bytes are left alone otherwise.</param>
    public LinkTagWriter(DomainAllowList allowList, string cioId, bool utf8)
    {
        _allowList = allowList;
        _cioId = cioId;
        _utf8 = utf8;
    }

    /// <summary>The number of links rewritten so far.</summary>
    public int RewrittenLinks { get; private set; }

    /// <summary>Writes the tag with its link rewritten, or returns false when it stays as it is.</summary>
    public bool TryWrite(in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, IBufferWriter<byte> output)
    {
        if (!TryFindHref(tag, tagBytes, out var href))
        {
            return false;
        }

        var url = DecodeUrl(href.ValueIn(tagBytes));
        if (url is null || !LinkUrl.IsAllowed(url, _allowList))
        {
            return false;
        }

        var rewritten = LinkUrl.WithCioId(url, _cioId);
        output.Write(tagBytes[..href.ValueStart]);
        AttributeEncoder.Write(output, rewritten, href.Quote);
        output.Write(tagBytes[(href.ValueStart + href.ValueLength)..]);
        RewrittenLinks++;
        return true;
    }

    private static bool TryFindHref(in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, out HtmlAttributeSpan href)
    {
        href = default;
        var found = false;
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.NameEquals(tagBytes, "data-cio-skip"u8))
            {
                return false;
            }

            if (!found && attribute.NameEquals(tagBytes, "href"u8))
            {
                href = attribute;
                found = true;
            }
        }

        return found && href.HasValue;
    }

    // Returns the URL a browser would follow: character references decoded, leading and trailing spaces and
    // control characters removed, and tabs and newlines dropped (the WHATWG URL parser ignores them).
    private string? DecodeUrl(ReadOnlySpan<byte> value)
    {
        if (!Ascii.IsValid(value))
        {
            if (!_utf8 || !System.Text.Unicode.Utf8.IsValid(value))
            {
                return null;
            }
        }

        var text = Encoding.UTF8.GetString(value);
        var decoded = HtmlCharacterReferences.DecodeAttributeValue(text);
        return UrlText.Clean(decoded);
    }
}
