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

    // Bytes that send a URL to the slow path: references, escapes, and characters the attribute encoder changes.
    private static readonly SearchValues<byte> SlowPathBytes = SearchValues.Create("&%<>\"'`"u8);

    private readonly DomainAllowList _allowList;
    private readonly string _cioId;
    private readonly byte[] _parameter;
    private readonly bool _utf8;

    /// <param name="allowList">The hosts that may receive the cio_id.</param>
    /// <param name="cioId">A valid cio_id, see <see cref="CioIdFormat"/>.</param>
    /// <param name="utf8">Whether the document is UTF-8; links with non-ASCII bytes are left alone otherwise.</param>
    public LinkTagWriter(DomainAllowList allowList, string cioId, bool utf8)
    {
        _allowList = allowList;
        _cioId = cioId;
        _parameter = Encoding.ASCII.GetBytes(LinkUrl.ParameterName + "=" + cioId);
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

        var value = href.ValueIn(tagBytes);
        if (IsPlainAscii(value) && value.Length <= MaxStackUrlLength)
        {
            return TryWritePlain(tagBytes, href, output);
        }

        var url = DecodeUrl(value);
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

    // Perf: most links are printable ASCII without references or escapes. Their host is checked on the stack and
    // the new value is written straight from the tag bytes, so such links allocate nothing. The result is the
    // same as the general path's, which the link tests check for every case.
    private bool TryWritePlain(ReadOnlySpan<byte> tagBytes, HtmlAttributeSpan href, IBufferWriter<byte> output)
    {
        var value = href.ValueIn(tagBytes);
        Span<char> url = stackalloc char[value.Length];
        Ascii.ToUtf16(value, url, out _);
        if (!LinkUrl.IsAllowed(url, _allowList))
        {
            return false;
        }

        var hash = value.IndexOf((byte)'#');
        var beforeFragment = hash < 0 ? value : value[..hash];
        var question = beforeFragment.IndexOf((byte)'?');
        output.Write(tagBytes[..href.ValueStart]);
        if (question < 0)
        {
            output.Write(beforeFragment);
            output.Write("?"u8);
        }
        else
        {
            // Without '&' the query is one pair at most: it is replaced when it is _cio_id, else kept before it.
            var query = beforeFragment[(question + 1)..];
            var pairName = query.IndexOf((byte)'=') is var equals and >= 0 ? query[..equals] : query;
            var replace = query.IsEmpty || pairName.SequenceEqual("_cio_id"u8);
            output.Write(replace ? beforeFragment[..(question + 1)] : beforeFragment);
            if (!replace)
            {
                output.Write("&amp;"u8);
            }
        }

        output.Write(_parameter);
        output.Write(hash < 0 ? ReadOnlySpan<byte>.Empty : value[hash..]);
        output.Write(tagBytes[(href.ValueStart + href.ValueLength)..]);
        RewrittenLinks++;
        return true;
    }

    private static bool IsPlainAscii(ReadOnlySpan<byte> value) =>
        value.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) < 0 && value.IndexOfAny(SlowPathBytes) < 0;

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
