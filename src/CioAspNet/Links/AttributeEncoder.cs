using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Unicode;

namespace CioAspNet.Links;

/// <summary>Writes an attribute value in UTF-8 with the character references its quoting style needs.</summary>
internal static class AttributeEncoder
{
    private static readonly SearchValues<char> DoubleQuotedSpecials = SearchValues.Create("&\"");
    private static readonly SearchValues<char> SingleQuotedSpecials = SearchValues.Create("&'");

    // '=' is left alone: a parse error in an unquoted value, but it neither ends nor changes the value.
    private static readonly SearchValues<char> UnquotedSpecials = SearchValues.Create("&\"'<>` \t\n\f\r");

    /// <summary>
    /// Writes the value with a character reference in place of each character that would end or change it.
    /// </summary>
    /// <param name="output">The output that receives the UTF-8 bytes.</param>
    /// <param name="value">The value that a parser of the attribute should get back.</param>
    /// <param name="quote">The quote byte around the value (<c>"</c> or <c>'</c>), or 0 for an unquoted value.</param>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> value, byte quote)
    {
        var specials = SpecialsFor(quote);
        while (true)
        {
            var next = value.IndexOfAny(specials);
            if (next < 0)
            {
                WriteUtf8(output, value);
                return;
            }

            WriteUtf8(output, value[..next]);
            output.Write(ReferenceFor(value[next]));
            value = value[(next + 1)..];
        }
    }

    private static SearchValues<char> SpecialsFor(byte quote) => quote switch
    {
        (byte)'"' => DoubleQuotedSpecials,
        (byte)'\'' => SingleQuotedSpecials,
        0 => UnquotedSpecials,
        _ => throw new ArgumentOutOfRangeException(nameof(quote), quote, "The quote must be '\"', '\\'' or 0."),
    };

    private static ReadOnlySpan<byte> ReferenceFor(char c) => c switch
    {
        '&' => "&amp;"u8,
        '"' => "&quot;"u8,
        '\'' => "&#39;"u8,
        '<' => "&#60;"u8,
        '>' => "&#62;"u8,
        '`' => "&#96;"u8,
        ' ' => "&#32;"u8,
        '\t' => "&#9;"u8,
        '\n' => "&#10;"u8,
        '\f' => "&#12;"u8,
        '\r' => "&#13;"u8,
        _ => throw new UnreachableException($"No reference is defined for U+{(int)c:X4}."),
    };

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        // Like Encoding.UTF8, Utf8.FromUtf16 writes U+FFFD in place of a lone surrogate.
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        Utf8.FromUtf16(text, span, out _, out var written);
        output.Advance(written);
    }
}
