using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace CioAspNet.Snippet;

/// <summary>Writes the tags of the inline script elements that the package emits.</summary>
internal static class ScriptElement
{
    /// <summary>Writes <c>&lt;script nonce="..." marker&gt;</c>; the nonce is HTML-encoded, and left out when null.</summary>
    public static void WriteStart(IBufferWriter<byte> output, string? nonce, string? markerAttribute = null)
    {
        output.Write("<script"u8);
        if (!string.IsNullOrEmpty(nonce))
        {
            output.Write(" nonce=\""u8);
            WriteUtf8(output, HtmlEncoder.Default.Encode(nonce));
            output.Write("\""u8);
        }

        if (markerAttribute is not null)
        {
            output.Write(" "u8);
            WriteUtf8(output, markerAttribute);
        }

        output.Write(">"u8);
    }

    public static void WriteEnd(IBufferWriter<byte> output) => output.Write("</script>"u8);

    public static void WriteUtf8(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
    }
}
