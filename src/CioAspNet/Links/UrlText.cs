using System.Buffers;

namespace CioAspNet.Links;

/// <summary>The clean-up the WHATWG URL parser applies to its input before it parses it.</summary>
internal static class UrlText
{
    private static readonly SearchValues<char> TabsAndNewlines = SearchValues.Create("\t\n\r");

    /// <summary>Trims C0 controls and spaces from both ends, and removes tabs and newlines within.</summary>
    public static string Clean(string url)
    {
        var trimmed = Trim(url);
        if (trimmed.IndexOfAny(TabsAndNewlines) < 0)
        {
            return trimmed.Length == url.Length ? url : trimmed.ToString();
        }

        var buffer = ArrayPool<char>.Shared.Rent(trimmed.Length);
        var length = Clean(trimmed, buffer);
        var cleaned = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return cleaned;
    }

    /// <summary>
    /// Writes the URL cleaned as <see cref="Clean(string)"/> does to <paramref name="destination"/>, which must be
    /// at least as long as the URL, and returns the cleaned length. The destination may be the URL's own memory.
    /// </summary>
    public static int Clean(ReadOnlySpan<char> url, Span<char> destination)
    {
        var rest = Trim(url);
        var length = 0;
        while (true)
        {
            var next = rest.IndexOfAny(TabsAndNewlines);
            var run = next < 0 ? rest : rest[..next];

            // CopyTo moves overlapping memory correctly, and a run never lands after its source.
            run.CopyTo(destination[length..]);
            length += run.Length;
            if (next < 0)
            {
                return length;
            }

            rest = rest[(next + 1)..];
        }
    }

    // Trims the C0 controls and the space, U+0000 to U+0020, in plain loops because the runs are short. In Tier0
    // code, IndexOfAnyExceptInRange and SearchValues.LastIndexOfAnyExcept allocate 96 bytes a call (.NET 10.0.12).
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> url)
    {
        var start = 0;
        while (start < url.Length && url[start] <= ' ')
        {
            start++;
        }

        var end = url.Length;
        while (end > start && url[end - 1] <= ' ')
        {
            end--;
        }

        return url[start..end];
    }
}
