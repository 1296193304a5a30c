using System.Buffers;
using System.Text;
using AngleSharp;
using AngleSharp.Html.Parser;

namespace CioAspNet.Benchmarks;

/// <summary>
/// The response body of a middleware that buffers the whole page before it inserts the loader, as the peer
/// approaches do. One instance serves one response, like the <see cref="MemoryStream"/> such a middleware puts
/// in place of the response body.
/// </summary>
internal abstract class BufferingInserter
{
    private readonly MemoryStream _body = new();

    public void Write(ReadOnlySpan<byte> input) => _body.Write(input);

    /// <summary>Writes the buffered page, with the loader inserted, to the output.</summary>
    public void Complete(IBufferWriter<byte> output) => Complete(_body, output);

    protected abstract void Complete(MemoryStream body, IBufferWriter<byte> output);
}

/// <summary>
/// Decodes the page into a string, inserts the loader before the last <c>&lt;/body&gt;</c> found ignoring
/// case, and encodes the result. It takes a <c>&lt;/body&gt;</c> in a script or a comment for the real one.
/// </summary>
internal sealed class StringInserter(string loaderHtml) : BufferingInserter
{
    protected override void Complete(MemoryStream body, IBufferWriter<byte> output)
    {
        var html = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        var index = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var result = index < 0 ? html : html.Insert(index, loaderHtml);
        Encoding.UTF8.GetBytes(result, output);
    }
}

/// <summary>
/// Parses the page with AngleSharp's HTML5 parser, appends the loader's script element to <c>body</c>, and
/// serializes the document. The output is the parser's serialization, not the page's original bytes.
/// </summary>
internal sealed class AngleSharpInserter(HtmlParser parser, string loaderScript) : BufferingInserter
{
    protected override void Complete(MemoryStream body, IBufferWriter<byte> output)
    {
        body.Position = 0;
        using var document = parser.ParseDocument(body);
        var script = document.CreateElement("script");
        script.SetAttribute("data-cio-loader", "");
        script.TextContent = loaderScript;
        document.Body!.AppendChild(script);
        Encoding.UTF8.GetBytes(document.ToHtml(), output);
    }
}
