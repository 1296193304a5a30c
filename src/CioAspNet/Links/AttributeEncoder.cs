using System.Buffers;
using System.Text;

namespace CioAspNet.Links;

/// <summary>Writes an attribute value in UTF-8 with the character references its quoting style needs.</summary>
internal static class AttributeEncoder
{
    public static void Write(IBufferWriter<byte> output, string value, byte quote)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var reference = ReferenceFor(value[i], quote);
            if (reference is null)
            {
                continue;
            }

            WriteUtf8(output, value.AsSpan(start, i - start));
            WriteUtf8(output, reference);
            start = i + 1;
        }

        WriteUtf8(output, value.AsSpan(start));
    }

    private static string? ReferenceFor(char c, byte quote) => c switch
    {
        '&' => "&amp;",
        '"' when quote != '\'' => "&quot;",
        '\'' when quote != '"' => "&#39;",
        // '=' is left alone: a parse error in an unquoted value, but it neither ends nor changes the value.
        '<' or '>' or '`' when quote == 0 => $"&#{(int)c};",
        ' ' or '\t' or '\n' or '\f' or '\r' when quote == 0 => $"&#{(int)c};",
        _ => null,
    };

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
