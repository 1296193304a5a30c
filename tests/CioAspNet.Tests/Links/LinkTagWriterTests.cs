using System.Buffers;
using System.Text;
using CioAspNet.Links;
using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Links;

/// <summary>
/// Hrefs around the length where the link writer moves from stack buffers to pooled ones, and hrefs whose bytes
/// are not ASCII.
/// </summary>
public sealed class LinkTagWriterTests
{
    private const string Q = "_cio_id=" + LinkRewritingTests.CioId;

    [Theory]
    [InlineData(1000)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4000)]
    [InlineData(15000)]
    public void TryWrite_LongHrefWithReferences_GetsCioId(int hrefLength)
    {
        const string start = "https://docs.example.com/";
        const string query = "?x=1&amp;y=&#47;";
        var path = new string('p', hrefLength - start.Length - query.Length);
        var input = $"<a href=\"{start}{path}{query}\">";

        var output = Rewrite(input, utf8: true);

        Assert.Equal($"<a href=\"{start}{path}?x=1&amp;y=/&amp;{Q}\">", output);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4000)]
    public void TryWrite_LongHrefOnOtherHost_StaysAsItIs(int hrefLength)
    {
        const string start = "https://other.test/";
        var input = $"<a href=\"{start}{new string('p', hrefLength - start.Length)}&amp;\">";

        Assert.Equal(input, Rewrite(input, utf8: true));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryWrite_AsciiHrefWithReferences_RewrittenInAnyCharset(bool utf8)
    {
        var output = Rewrite("<a href=\"https://docs.example.com/?a=1&amp;b=2\">", utf8);

        Assert.Equal($"<a href=\"https://docs.example.com/?a=1&amp;b=2&amp;{Q}\">", output);
    }

    [Fact]
    public void TryWrite_NonAsciiHrefInUtf8_GetsCioId()
    {
        var output = Rewrite("<a href=\"https://docs.example.com/caf\u00E9?q=&eacute;\">", utf8: true);

        Assert.Equal($"<a href=\"https://docs.example.com/caf\u00E9?q=\u00E9&amp;{Q}\">", output);
    }

    [Fact]
    public void TryWrite_NonAsciiHrefInOtherCharset_StaysAsItIs()
    {
        var input = "<a href=\"https://docs.example.com/caf\u00E9\">";

        Assert.Equal(input, Rewrite(input, utf8: false));
    }

    [Fact]
    public void TryWrite_InvalidUtf8Href_StaysAsItIs()
    {
        byte[] input = [.. "<a href=\"https://docs.example.com/"u8, 0xC3, .. "\">"u8];
        var output = new ArrayBufferWriter<byte>();
        var rewriter = new HtmlRewriter(content: null, CreateWriter(utf8: true));

        rewriter.Write(input, output);
        rewriter.Complete(output);

        Assert.Equal(input, output.WrittenSpan.ToArray());
        Assert.Equal(0, rewriter.RewrittenLinks);
    }

    private static string Rewrite(string html, bool utf8)
    {
        var output = new ArrayBufferWriter<byte>();
        var rewriter = new HtmlRewriter(content: null, CreateWriter(utf8));
        rewriter.Write(Encoding.UTF8.GetBytes(html), output);
        rewriter.Complete(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static LinkTagWriter CreateWriter(bool utf8) =>
        new(new DomainAllowList(LinkRewritingTests.Domains), LinkRewritingTests.CioId, utf8);
}
