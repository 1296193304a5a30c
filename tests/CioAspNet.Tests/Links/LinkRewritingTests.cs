using System.Text;
using CioAspNet.Links;
using CioAspNet.Rewriting;
using CioAspNet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.Tests.Links;

public sealed class LinkRewritingTests
{
    public const string CioId = "a1b2c3";
    public static readonly string[] Domains = ["docs.example.com", "*.example.org", "bücher.example"];
    private const string Q = "_cio_id=" + CioId;

    /// <summary>A piece of HTML and what it becomes with the allow-list above and cio_id a1b2c3.</summary>
    public static TheoryData<string, string> Rewritten => new()
    {
        { "<a href=\"https://docs.example.com/guide\">", $"<a href=\"https://docs.example.com/guide?{Q}\">" },
        { "<a href=\"http://docs.example.com\">", $"<a href=\"http://docs.example.com?{Q}\">" },
        { "<a href=\"HTTPS://DOCS.Example.COM/\">", $"<a href=\"HTTPS://DOCS.Example.COM/?{Q}\">" },
        { "<a href=\"https://docs.example.com./x\">", $"<a href=\"https://docs.example.com./x?{Q}\">" },
        { "<a href=\"https://docs.example.com:8443/x\">", $"<a href=\"https://docs.example.com:8443/x?{Q}\">" },
        { "<a href=\"https://user:pw@docs.example.com/\">", $"<a href=\"https://user:pw@docs.example.com/?{Q}\">" },
        { "<a href=\"https://shop.example.org/\">", $"<a href=\"https://shop.example.org/?{Q}\">" },
        { "<a href=\"https://a.b.example.org/\">", $"<a href=\"https://a.b.example.org/?{Q}\">" },
        { "<a href=\"https://bücher.example/\">", $"<a href=\"https://bücher.example/?{Q}\">" },
        { "<a href=\"https://BÜCHER.example/\">", $"<a href=\"https://BÜCHER.example/?{Q}\">" },
        { "<a href=\"https://xn--bcher-kva.example/\">", $"<a href=\"https://xn--bcher-kva.example/?{Q}\">" },
        { "<a href=\"https://docs%2Eexample.com/\">", $"<a href=\"https://docs%2Eexample.com/?{Q}\">" },
        { "<a href=\"//docs.example.com/x\">", $"<a href=\"//docs.example.com/x?{Q}\">" },
        { "<a href=\"https://docs.example.com\\@evil.test/\">", $"<a href=\"https://docs.example.com\\@evil.test/?{Q}\">" },
        { "<a href=\"https://docs.example.com/s?q=1&r=2#top\">", $"<a href=\"https://docs.example.com/s?q=1&amp;r=2&amp;{Q}#top\">" },
        { "<a href=\"https://docs.example.com/#a?b\">", $"<a href=\"https://docs.example.com/?{Q}#a?b\">" },
        { "<a href=\"https://docs.example.com/?\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
        { "<a href=\"https://docs.example.com/?_cio_id=old&x=1\">", $"<a href=\"https://docs.example.com/?{Q}&amp;x=1\">" },
        { "<a href=\"https://docs.example.com/?x=1&_cio_id=a&_cio_id=b\">", $"<a href=\"https://docs.example.com/?x=1&amp;{Q}\">" },
        { "<a href=\"https://docs.example.com/?%5Fcio%5Fid=old\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
        { "<a href=\"https://docs.example.com/?a=1&amp;b=2\">", $"<a href=\"https://docs.example.com/?a=1&amp;b=2&amp;{Q}\">" },
        { "<a href=\"https&#58;//docs.example.com/\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
        { "<a href=\"https://docs.example.com/?q=&quot;x&quot;\">", $"<a href=\"https://docs.example.com/?q=&quot;x&quot;&amp;{Q}\">" },
        { "<a href='https://docs.example.com/'>", $"<a href='https://docs.example.com/?{Q}'>" },
        { "<a href='https://docs.example.com/?q=\"'>", $"<a href='https://docs.example.com/?q=\"&amp;{Q}'>" },
        { "<a href=https://docs.example.com/>", $"<a href=https://docs.example.com/?{Q}>" },
        { "<a href=\" https://docs.example.com/\n\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
        { "<a href=\"https://docs.exam\tple.com/\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
        { "<A HREF=\"https://docs.example.com/\">", $"<A HREF=\"https://docs.example.com/?{Q}\">" },
        { "<a class=\"x\" href=\"https://docs.example.com/\" target=_blank>", $"<a class=\"x\" href=\"https://docs.example.com/?{Q}\" target=_blank>" },
        { "<a href=\"https://docs.example.com/\" href=\"https://evil.test/\">", $"<a href=\"https://docs.example.com/?{Q}\" href=\"https://evil.test/\">" },
        { "<area shape=rect href=\"https://docs.example.com/map\">", $"<area shape=rect href=\"https://docs.example.com/map?{Q}\">" },
        { "<a href=\"https://docs.example.com/\"/>", $"<a href=\"https://docs.example.com/?{Q}\"/>" },
        { "<a href=\"\\\\docs.example.com/x\">", $"<a href=\"\\\\docs.example.com/x?{Q}\">" },
        { "<a href=\"/\t/docs.example.com/x\">", $"<a href=\"//docs.example.com/x?{Q}\">" },
        { "<a href=\"/\n\\docs.example.com/x\">", $"<a href=\"/\\docs.example.com/x?{Q}\">" },
        { "<a href=\"\u0001 //docs.example.com/x\">", $"<a href=\"//docs.example.com/x?{Q}\">" },
        { "<a href=\"&#104;ttps://docs.example.com/\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
        { "<a href=\"/&#47;docs.example.com/\">", $"<a href=\"//docs.example.com/?{Q}\">" },
        { "<a href=\"&#32;https://docs.example.com/\">", $"<a href=\"https://docs.example.com/?{Q}\">" },
    };

    /// <summary>HTML whose links must stay as they are.</summary>
    public static TheoryData<string> Untouched =>
    [
        "<a href=\"/docs\">", "<a href=\"docs.example.com/x\">", "<a href=\"?x=1\">", "<a href=\"#top\">",
        "<a href=\"https://evil.test/\">", "<a href=\"https://docs.example.com.evil.test/\">",
        "<a href=\"https://evil.test/?u=docs.example.com\">", "<a href=\"https://docs.example.com@evil.test/\">",
        "<a href=\"https://docs.example.com%2eevil.test/\">", "<a href=\"https://example.org/\">",
        "<a href=\"https://notdocs.example.com/\">",
        "<a href=\"mailto:someone@docs.example.com\">", "<a href=\"tel:+15550100\">",
        "<a href=\"javascript:location='https://docs.example.com/'\">", "<a href=\"data:text/html,https://docs.example.com/\">",
        "<a href=\"ftp://docs.example.com/\">", "<a href=\"https:/\">", "<a href=\"\">", "<a href>", "<a>",
        "<a data-cio-skip href=\"https://docs.example.com/\">", "<a href=\"https://docs.example.com/\" DATA-CIO-SKIP=\"\">",
        "<link rel=next href=\"https://docs.example.com/\">", "<div href=\"https://docs.example.com/\">",
        "<!-- <a href=\"https://docs.example.com/\"> -->", "<script>'<a href=\"https://docs.example.com/\">'</script>",
        "<textarea><a href=\"https://docs.example.com/\"></textarea>", "<title><a href=\"https://docs.example.com/\"></title>",
        "<a href=\"https://docs.example.com/", "<a title=\"<a href='https://docs.example.com/'>\">",
        "<a href=\"/\u0001/docs.example.com/\">", "<a href=\"/x//docs.example.com/\">", "<a href=\" / /docs.example.com/\">",
        "<a href=\"\u0000https://docs.example.com/\">", "<a href=\"/\u0000/docs.example.com/\">",
    ];

    [Theory]
    [MemberData(nameof(Rewritten))]
    public void Rewriter_AllowedLink_GetsCioIdInEveryChunking(string input, string expected)
    {
        foreach (var (name, output) in RewriteAllChunkings(input))
        {
            Assert.True(expected == output, $"Chunking '{name}' gave:\n{output}\nexpected:\n{expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Untouched))]
    public void Rewriter_OtherLink_StaysByteForByte(string input)
    {
        foreach (var (name, output) in RewriteAllChunkings(input))
        {
            Assert.True(input == output, $"Chunking '{name}' changed the input to:\n{output}");
        }
    }

    [Theory]
    [MemberData(nameof(Rewritten))]
    public async Task PublicApi_AllowedLink_RewrittenAsInPages(string input, string expected)
    {
        await using var app = await StartAppAsync();
        var links = app.App.Services.GetRequiredService<ICioLinkRewriter>();

        Assert.Equal(expected, links.RewriteHtml(input, CioId));
    }

    [Theory]
    [MemberData(nameof(Untouched))]
    public async Task PublicApi_OtherLink_Unchanged(string input)
    {
        await using var app = await StartAppAsync();
        var links = app.App.Services.GetRequiredService<ICioLinkRewriter>();

        Assert.Equal(input, links.RewriteHtml(input, CioId));
    }

    [Theory]
    [InlineData("https://docs.example.com/a?b=1#c", "https://docs.example.com/a?b=1&_cio_id=a1b2c3#c")]
    [InlineData("//shop.example.org", "//shop.example.org?_cio_id=a1b2c3")]
    [InlineData("https://docs.example.com/?_cio_id=zzz", "https://docs.example.com/?_cio_id=a1b2c3")]
    [InlineData("https://evil.test/", "https://evil.test/")]
    [InlineData("https://docs.example.com@evil.test/", "https://docs.example.com@evil.test/")]
    [InlineData("/relative", "/relative")]
    [InlineData("mailto:x@docs.example.com", "mailto:x@docs.example.com")]
    public async Task PublicApi_RewriteUrl_AppliesSameRules(string url, string expected)
    {
        await using var app = await StartAppAsync();
        var links = app.App.Services.GetRequiredService<ICioLinkRewriter>();

        Assert.Equal(expected, links.RewriteUrl(url, CioId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-b")]
    [InlineData("\"><script>")]
    public async Task PublicApi_InvalidCioId_Throws(string cioId)
    {
        await using var app = await StartAppAsync();
        var links = app.App.Services.GetRequiredService<ICioLinkRewriter>();

        Assert.Throws<ArgumentException>(() => links.RewriteUrl("https://docs.example.com/", cioId));
        Assert.Throws<ArgumentException>(() => links.RewriteHtml("<a href=\"https://docs.example.com/\">", cioId));
    }

    internal static Dictionary<string, string?> DomainSettings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Domains.Length; i++)
        {
            settings[$"Cio:Links:Domains:{i}"] = Domains[i];
        }

        return settings;
    }

    private static Task<TestApp> StartAppAsync() => TestApp.StartAsync(_ => { }, DomainSettings());

    private static IEnumerable<(string Name, string Output)> RewriteAllChunkings(string input)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var allowList = new DomainAllowList(Domains);
        foreach (var (name, sizes) in RewriterHarness.Chunkings(bytes.Length))
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>();
            var rewriter = new HtmlRewriter(content: null, new LinkTagWriter(allowList, CioId, utf8: true));
            for (int offset = 0, index = 0; offset < bytes.Length; index++)
            {
                var length = Math.Min(sizes[Math.Min(index, sizes.Count - 1)], bytes.Length - offset);
                rewriter.Write(bytes.AsSpan(offset, length), output);
                offset += length;
            }

            rewriter.Complete(output);
            yield return (name, Encoding.UTF8.GetString(output.WrittenSpan));
        }
    }
}
