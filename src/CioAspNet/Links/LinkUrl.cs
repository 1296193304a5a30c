using System.Buffers;
using System.Text;

namespace CioAspNet.Links;

/// <summary>
/// The URL rules of link rewriting: which links point to an allowed host, and how <c>_cio_id</c> is set in
/// their query. URLs are parsed as browsers parse an <c>href</c> (the WHATWG URL standard) for the cases that
/// decide the host: backslashes count as slashes, userinfo before <c>@</c> is not the host, and the port is
/// ignored.
/// </summary>
internal static class LinkUrl
{
    public const string ParameterName = "_cio_id";

    private static readonly SearchValues<char> AuthorityEnd = SearchValues.Create("/\\?#");
    private static readonly SearchValues<char> NeedsDecoding = SearchValues.Create("%");

    /// <summary>
    /// Finds the host of an absolute http(s) or protocol-relative URL. Returns false for every other URL:
    /// relative paths, <c>mailto:</c>, <c>javascript:</c>, <c>data:</c> and the rest.
    /// </summary>
    public static bool TryGetHost(ReadOnlySpan<char> url, out ReadOnlySpan<char> host)
    {
        host = default;
        var afterScheme = SkipScheme(url);
        if (afterScheme < 0)
        {
            return false;
        }

        var authority = url[afterScheme..];
        var end = authority.IndexOfAny(AuthorityEnd);
        authority = end < 0 ? authority : authority[..end];
        var at = authority.LastIndexOf('@');
        host = at < 0 ? authority : authority[(at + 1)..];
        host = StripPort(host);
        return !host.IsEmpty;
    }

    /// <summary>Checks whether the URL's host is on the allow-list, decoding percent escapes and Unicode names.</summary>
    public static bool IsAllowed(ReadOnlySpan<char> url, DomainAllowList allowList)
    {
        if (!TryGetHost(url, out var host))
        {
            return false;
        }

        if (host.IndexOfAny(NeedsDecoding) < 0 && Ascii.IsValid(host))
        {
            return allowList.Contains(host);
        }

        var decoded = Uri.UnescapeDataString(host.ToString());
        return DomainAllowList.TryToAscii(decoded, out var ascii) && allowList.Contains(ascii);
    }

    /// <summary>Returns the URL with <c>_cio_id</c> set to the value: replaced where it was, else added to the query.</summary>
    public static string WithCioId(ReadOnlySpan<char> url, string cioId)
    {
        var buffer = ArrayPool<char>.Shared.Rent(MaxLengthWithCioId(url.Length, cioId.Length));
        var length = WriteWithCioId(url, cioId, buffer);
        var result = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    /// <summary>The maximum length of <see cref="WithCioId"/>'s result, from the lengths of the URL and cio_id.</summary>
    public static int MaxLengthWithCioId(int urlLength, int cioIdLength) =>
        urlLength + ParameterName.Length + cioIdLength + 2;

    /// <summary>
    /// Writes what <see cref="WithCioId"/> returns to <paramref name="destination"/> and returns its length. The
    /// destination must hold <see cref="MaxLengthWithCioId"/> characters.
    /// </summary>
    public static int WriteWithCioId(ReadOnlySpan<char> url, ReadOnlySpan<char> cioId, Span<char> destination)
    {
        var hash = url.IndexOf('#');
        var beforeFragment = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? ReadOnlySpan<char>.Empty : url[hash..];
        var question = beforeFragment.IndexOf('?');
        var path = question < 0 ? beforeFragment : beforeFragment[..question];
        var query = question < 0 ? ReadOnlySpan<char>.Empty : beforeFragment[(question + 1)..];

        var length = 0;
        Append(destination, ref length, path);
        destination[length++] = '?';
        AppendQuery(destination, ref length, query, cioId);
        Append(destination, ref length, fragment);
        return length;
    }

    private static void AppendQuery(
        Span<char> destination, ref int length, ReadOnlySpan<char> query, ReadOnlySpan<char> cioId)
    {
        var written = false;
        var first = true;
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var isCioId = IsCioIdPair(pair);
            if (isCioId && written)
            {
                continue;
            }

            if (pair.IsEmpty && !isCioId)
            {
                continue;
            }

            if (!first)
            {
                destination[length++] = '&';
            }

            first = false;
            if (isCioId)
            {
                AppendCioIdPair(destination, ref length, cioId);
                written = true;
            }
            else
            {
                Append(destination, ref length, pair);
            }
        }

        if (!written)
        {
            if (!first)
            {
                destination[length++] = '&';
            }

            AppendCioIdPair(destination, ref length, cioId);
        }
    }

    private static void AppendCioIdPair(Span<char> destination, ref int length, ReadOnlySpan<char> cioId)
    {
        Append(destination, ref length, ParameterName + "=");
        Append(destination, ref length, cioId);
    }

    private static void Append(Span<char> destination, ref int length, ReadOnlySpan<char> text)
    {
        text.CopyTo(destination[length..]);
        length += text.Length;
    }

    private static bool IsCioIdPair(ReadOnlySpan<char> pair)
    {
        var equals = pair.IndexOf('=');
        var name = equals < 0 ? pair : pair[..equals];
        if (name.SequenceEqual(ParameterName))
        {
            return true;
        }

        // A name that unescapes to "_cio_id" spells each of its characters as itself or as one %XX escape, so it
        // has at most three characters per character of the parameter name.
        if (!name.Contains('%') || name.Length > 3 * ParameterName.Length)
        {
            return false;
        }

        Span<char> unescaped = stackalloc char[3 * ParameterName.Length];
        return Uri.TryUnescapeDataString(name, unescaped, out var unescapedLength) &&
            unescaped[..unescapedLength].SequenceEqual(ParameterName);
    }

    // Returns the index after "http:" or "https:" and any slashes, or after two or more leading slashes
    // (a protocol-relative URL); -1 when the URL has another scheme or none.
    private static int SkipScheme(ReadOnlySpan<char> url)
    {
        var start = 0;
        if (StartsWithIgnoreCase(url, "https:"))
        {
            start = 6;
        }
        else if (StartsWithIgnoreCase(url, "http:"))
        {
            start = 5;
        }

        var slashes = 0;
        while (start + slashes < url.Length && url[start + slashes] is '/' or '\\')
        {
            slashes++;
        }

        if (start == 0 && slashes < 2)
        {
            return -1;
        }

        return start + slashes;
    }

    // Ascii.EqualsIgnoreCase gives the same result as OrdinalIgnoreCase for an ASCII prefix, because under
    // OrdinalIgnoreCase no non-ASCII character equals an ASCII one, which a test checks for every UTF-16 code unit.
    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> url, ReadOnlySpan<char> asciiPrefix) =>
        url.Length >= asciiPrefix.Length && Ascii.EqualsIgnoreCase(url[..asciiPrefix.Length], asciiPrefix);

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            return close < 0 ? host : host[..(close + 1)];
        }

        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }
}
