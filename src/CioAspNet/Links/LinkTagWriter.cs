using System.Buffers;
using System.Text;
using System.Text.Unicode;
using CioAspNet.Rewriting;

namespace CioAspNet.Links;

/// <summary>
/// Rewrites the <c>href</c> of an <c>a</c> or <c>area</c> start tag whose URL points to an allowed host, so it
/// carries <c>_cio_id</c>. The tag keeps its other bytes and its quoting; the new value is encoded for the
/// attribute. Links with a <c>data-cio-skip</c> attribute are left alone.
/// </summary>
internal sealed class LinkTagWriter
{
    // Hrefs up to this many bytes are rewritten in stack buffers, longer ones in buffers rented from the array pool.
    private const int MaxStackHrefLength = 1024;

    // Decoding and cleaning leave a value unchanged unless it contains '&', a C0 control or a space.
    private static readonly SearchValues<byte> NeedsCleaning = SearchValues.Create(
        "&\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"u8 +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020"u8);

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

    /// <summary>
    /// Writes <paramref name="before"/> and then the tag with its link rewritten, or returns false, having written
    /// nothing, when the tag stays as it is.
    /// </summary>
    public bool TryWrite(
        in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, ReadOnlySpan<byte> before, IBufferWriter<byte> output)
    {
        if (!TryFindHref(tag, tagBytes, out var href))
        {
            return false;
        }

        // The UTF-16 text takes no more characters than the value takes bytes, and so does its decoded form.
        var value = href.ValueIn(tagBytes);
        if (!MayHaveHost(value))
        {
            return false;
        }

        if (value.Length <= MaxStackHrefLength)
        {
            return TryRewrite(tagBytes, href, before, stackalloc char[2 * value.Length], output);
        }

        var rented = ArrayPool<char>.Shared.Rent(2 * value.Length);
        var rewritten = TryRewrite(tagBytes, href, before, rented, output);
        ArrayPool<char>.Shared.Return(rented);
        return rewritten;
    }

    private bool TryRewrite(
        ReadOnlySpan<byte> tagBytes, HtmlAttributeSpan href, ReadOnlySpan<byte> before, Span<char> buffer,
        IBufferWriter<byte> output)
    {
        var value = href.ValueIn(tagBytes);
        if (!TryDecodeUrl(value, buffer[..value.Length], buffer[value.Length..], out var url) ||
            !LinkUrl.IsAllowed(url, _allowList))
        {
            return false;
        }

        output.Write(before);
        output.Write(tagBytes[..href.ValueStart]);
        WriteHref(output, url, href.Quote);
        output.Write(tagBytes[(href.ValueStart + href.ValueLength)..]);
        RewrittenLinks++;
        return true;
    }

    private void WriteHref(IBufferWriter<byte> output, ReadOnlySpan<char> url, byte quote)
    {
        var length = LinkUrl.MaxLengthWithCioId(url.Length, _cioId.Length);
        if (url.Length <= MaxStackHrefLength)
        {
            WriteHref(output, url, quote, stackalloc char[length]);
            return;
        }

        var rented = ArrayPool<char>.Shared.Rent(length);
        WriteHref(output, url, quote, rented);
        ArrayPool<char>.Shared.Return(rented);
    }

    private void WriteHref(IBufferWriter<byte> output, ReadOnlySpan<char> url, byte quote, Span<char> buffer)
    {
        var length = LinkUrl.WriteWithCioId(url, _cioId, buffer);
        AttributeEncoder.Write(output, buffer[..length], quote);
    }

    // Perf: most links are relative, and their first bytes rule out a host before any decoding. A host comes only
    // from an http(s) URL or one that starts with two slashes or backslashes. Spaces and controls before the URL
    // are dropped, tabs and newlines anywhere, and a character reference may stand for any character.
    private static bool MayHaveHost(ReadOnlySpan<byte> value)
    {
        // NUL is not skipped: the tokenizer turns it into U+FFFD, which the URL parser keeps.
        var i = 0;
        while (i < value.Length && value[i] is > 0 and <= (byte)' ')
        {
            i++;
        }

        if (i == value.Length)
        {
            return false;
        }

        var first = value[i];
        if ((first | 0x20) == 'h' || first == '&')
        {
            return true;
        }

        if (first is not ((byte)'/' or (byte)'\\'))
        {
            return false;
        }

        for (i++; i < value.Length; i++)
        {
            if (value[i] is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return value[i] is (byte)'/' or (byte)'\\' or (byte)'&';
            }
        }

        return false;
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

    // Finds the URL a browser would follow: character references decoded, leading and trailing spaces and
    // control characters removed, and tabs and newlines dropped (the WHATWG URL parser ignores them). The URL
    // is a slice of text or of decoded, and each must hold as many characters as the value has bytes.
    private bool TryDecodeUrl(ReadOnlySpan<byte> value, Span<char> text, Span<char> decoded, out Span<char> url)
    {
        url = default;
        if (!TryReadText(value, text, out var textLength))
        {
            return false;
        }

        url = text[..textLength];
        if (value.IndexOfAny(NeedsCleaning) < 0)
        {
            return true;
        }

        // The tokenizer reads NUL as U+FFFD, which the URL parser keeps.
        url.Replace('\0', '\uFFFD');

        if (url.Contains('&'))
        {
            HtmlCharacterReferences.TryDecodeAttributeValue(url, decoded, out var decodedLength);
            url = decoded[..decodedLength];
        }

        url = url[..UrlText.Clean(url, url)];
        return true;
    }

    // Converts the value to UTF-16. Non-ASCII values must be valid UTF-8 in a UTF-8 document.
    private bool TryReadText(ReadOnlySpan<byte> value, Span<char> text, out int length)
    {
        if (Ascii.ToUtf16(value, text, out length) == OperationStatus.Done)
        {
            return true;
        }

        if (!_utf8)
        {
            return false;
        }

        var status = Utf8.ToUtf16(value[length..], text[length..], out _, out var rest, replaceInvalidSequences: false);
        length += rest;
        return status == OperationStatus.Done;
    }
}
