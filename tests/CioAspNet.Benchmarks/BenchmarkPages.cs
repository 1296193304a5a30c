using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;

namespace CioAspNet.Benchmarks;

/// <summary>
/// Builds the benchmark pages from the bodies of the corpus pages. Each body goes in a section that ends with a
/// list of links, inside a document with a head, inline and external scripts, comments and a footer. A
/// paragraph pads the page to the exact size, and the same size always gives the same bytes.
/// </summary>
/// <remarks>
/// Each section links to two allowed hosts (<c>docs.example.com</c> and a subdomain of <c>example.org</c>), one
/// host that is not allowed, and two relative URLs. The corpus bodies bring their own links, mostly relative.
/// </remarks>
internal static class BenchmarkPages
{
    private const int MinPadding = 32;

    private static readonly Lazy<CorpusBody[]> Bodies = new(LoadBodies);

    private const string Head =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Catalogue and guides - Example</title>
        <link rel="stylesheet" href="/css/site.css">
        <style>body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; }
        .related { list-style: none; padding: 0; } .related li { display: inline-block; margin-right: 1em; }</style>
        <script>window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); }</script>
        <script async src="https://www.example.net/analytics.js"></script>
        </head>
        <body class="catalogue">
        <!-- Site header, shared by every page -->
        <header><nav aria-label="Main">
        <a href="/">Home</a> <a href="/catalog">Catalogue</a> <a href="https://docs.example.com/">Docs</a>
        <a href="https://blog.example.org/">Blog</a> <a href="https://www.example.net/" rel="noopener">Partner</a>
        </nav></header>
        <main>

        """;

    private const string Foot =
        """
        </main>
        <!-- Site footer -->
        <footer><p>&copy; Example Ltd. <a href="https://docs.example.com/privacy?lang=en&amp;v=2">Privacy</a>
        <a href='/contact'>Contact</a></p></footer>
        <script src="/js/site.js" defer></script>
        <script>document.documentElement.classList.add("js"); if (1 < 2) { console.log("</p>"); }</script>
        </body>
        </html>

        """;

    /// <summary>Returns the UTF-8 bytes of a page of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] Build(int size)
    {
        var page = new ArrayBufferWriter<byte>(size);
        Append(page, Head);
        var footLength = Encoding.UTF8.GetByteCount(Foot);
        var bodies = Bodies.Value;
        var next = 0;
        var sections = 0;
        while (TryAppendSection(page, size - footLength, bodies, ref next, sections))
        {
            sections++;
        }

        AppendPadding(page, size - footLength - page.WrittenCount);
        Append(page, Foot);
        if (page.WrittenCount != size)
        {
            throw new InvalidOperationException($"The page has {page.WrittenCount} bytes, expected {size}.");
        }

        return page.WrittenSpan.ToArray();
    }

    // Appends the next corpus body that fits in a section, trying each body once. Returns false when none fits.
    private static bool TryAppendSection(
        ArrayBufferWriter<byte> page, int limit, CorpusBody[] bodies, ref int next, int index)
    {
        for (var attempt = 0; attempt < bodies.Length; attempt++)
        {
            var body = bodies[next++ % bodies.Length];
            var section = Encoding.UTF8.GetBytes(Section(body, index));
            if (page.WrittenCount + section.Length + MinPadding <= limit)
            {
                page.Write(section);
                return true;
            }
        }

        return false;
    }

    private static string Section(CorpusBody body, int index)
    {
        var script = index % 8 == 0
            ? $"<script>window.sections = (window.sections || 0) + 1; // section {index}\n</script>\n"
            : "";
        return $"""
            <section class="corpus" id="section-{index}">
            <!-- From {body.Name} -->
            {body.Html}
            <ul class="related">
            <li><a href="https://docs.example.com/guides/{index}?utm_source=site">Guide {index}</a></li>
            <li><a class="product" href="https://shop.example.org/products/{index}#reviews">Product {index}</a></li>
            <li><a href="https://www.example.net/articles/{index}" rel="noopener">Partner article {index}</a></li>
            <li><a href="/catalog/{index}">Catalogue entry {index}</a></li>
            <li><a href="../about.html#team" title="About the team">About us</a></li>
            </ul>
            {script}</section>

            """;
    }

    private static void AppendPadding(ArrayBufferWriter<byte> page, int length)
    {
        const string open = "<p class=\"filler\">";
        const string close = "</p>\n";
        const string words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
        var textLength = length - open.Length - close.Length;
        var text = new StringBuilder(textLength);
        while (text.Length < textLength)
        {
            text.Append(words, 0, Math.Min(words.Length, textLength - text.Length));
        }

        Append(page, open + text + close);
    }

    private static void Append(ArrayBufferWriter<byte> page, string text) => page.Write(Encoding.UTF8.GetBytes(text));

    // Returns the content of each corpus page's body element. A body is kept only if the rewriter, run on it
    // alone, inserts right before the closing </body>. A body that ends inside a comment, a script or a
    // template, or contains a real </body> of its own, would move the insertion point of every page after it.
    private static CorpusBody[] LoadBodies()
    {
        var bodies = new List<CorpusBody>();
        foreach (var path in CorpusDirectory.Pages())
        {
            var html = File.ReadAllText(path, Encoding.UTF8);
            var content = BodyContent(html);
            if (content is not null && InsertsAtEnd(content))
            {
                bodies.Add(new CorpusBody(Path.GetFileName(path), content));
            }
        }

        if (bodies.Count == 0)
        {
            throw new InvalidOperationException("No corpus page has a body that the benchmark pages can use.");
        }

        return [.. bodies];
    }

    private static string? BodyContent(string html)
    {
        var open = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var close = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var start = open < 0 ? -1 : html.IndexOf('>', open) + 1;
        return start <= 0 || close < start ? null : html[start..close].Trim();
    }

    private static bool InsertsAtEnd(string content)
    {
        const string marker = "<!--inserted-->";
        var document = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + content + "</body></html>");
        var output = new ArrayBufferWriter<byte>(document.Length + 64);
        var rewriter = new HtmlRewriter(new MarkerContent(marker));
        rewriter.Write(document, output);
        rewriter.Complete(output);
        var expected = Encoding.UTF8.GetBytes(marker + "</body></html>");
        return rewriter.Inserted && output.WrittenSpan.EndsWith(expected);
    }

    private sealed record CorpusBody(string Name, string Html);

    private sealed class MarkerContent(string marker) : IBodyEndContent
    {
        public void WriteTo(IBufferWriter<byte> output, bool loaderPresent) =>
            output.Write(Encoding.UTF8.GetBytes(marker));
    }
}
