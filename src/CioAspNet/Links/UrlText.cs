using System.Text;

namespace CioAspNet.Links;

/// <summary>The clean-up the WHATWG URL parser applies to its input before it parses it.</summary>
internal static class UrlText
{
    /// <summary>Trims C0 controls and spaces from both ends, and removes tabs and newlines within.</summary>
    public static string Clean(string url)
    {
        var trimmed = url.AsSpan().Trim(ControlsAndSpace);
        if (trimmed.IndexOfAny('\t', '\n', '\r') < 0)
        {
            return trimmed.Length == url.Length ? url : trimmed.ToString();
        }

        var cleaned = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    private static ReadOnlySpan<char> ControlsAndSpace =>
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020";
}
