using System.Buffers;
using System.Text;
using CioAspNet.Links;
using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Links;

/// <summary>Memory use of link rewriting, from the thread's allocation counter.</summary>
public sealed class LinkAllocationTests
{
    private const int LinksPerKind = 100;

    // Four kinds of allowed link whose hrefs carry character references, in each quoting style.
    private static readonly byte[] Page = BuildPage();

    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(64 * 1024)]
    public void Rewriter_LinksWithReferences_AllocateNothingPerLink(int writeSize)
    {
        var output = new ArrayBufferWriter<byte>(Page.Length * 2);
        var allowList = new DomainAllowList(["docs.example.com", "*.example.org"]);
        var rewrittenLinks = 0;

        // While the page runs in Tier0 code, the JIT can compile on-stack replacement code for a loop, which can
        // allocate a few kilobytes on this thread once. The smallest of three counts leaves such a run out.
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            output.ResetWrittenCount();
            var rewriter = new HtmlRewriter(content: null, new LinkTagWriter(allowList, "a1b2c3d4", utf8: true));
            var before = GC.GetAllocatedBytesForCurrentThread();
            Run(rewriter, output, writeSize);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            rewrittenLinks = rewriter.RewrittenLinks;
        }

        Assert.Equal(4 * LinksPerKind, rewrittenLinks);
        Assert.True(allocated < 1024, $"Rewriting {rewrittenLinks} links allocated {allocated:N0} bytes.");
    }

    [Fact]
    public void Rewriter_LinksWithReferences_GetCioId()
    {
        var output = new ArrayBufferWriter<byte>(Page.Length * 2);
        var allowList = new DomainAllowList(["docs.example.com", "*.example.org"]);

        Run(new HtmlRewriter(content: null, new LinkTagWriter(allowList, "a1b2c3d4", utf8: true)), output, Page.Length);

        var html = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.Contains(
            "<a href=\"https://docs.example.com/privacy?lang=en&amp;v=2&amp;page=7&amp;_cio_id=a1b2c3d4\">", html);
        Assert.Contains("<a href='https://shop.example.org/items?id=7&amp;sort=asc&amp;_cio_id=a1b2c3d4#top'>", html);
        Assert.Contains("<a href=https://docs.example.com/a?b=7&amp;c=&#60;&amp;_cio_id=a1b2c3d4>", html);
        Assert.Contains("<a href=\"https://blog.example.org/?q=&quot;7&quot;&amp;_cio_id=a1b2c3d4\">", html);
    }

    private static void Run(HtmlRewriter rewriter, ArrayBufferWriter<byte> output, int writeSize)
    {
        for (var offset = 0; offset < Page.Length; offset += writeSize)
        {
            rewriter.Write(Page.AsSpan(offset, Math.Min(writeSize, Page.Length - offset)), output);
        }

        rewriter.Complete(output);
    }

    private static byte[] BuildPage()
    {
        var page = new StringBuilder("<!DOCTYPE html><html><head><title>t</title></head><body>\n");
        for (var i = 0; i < LinksPerKind; i++)
        {
            page.Append("<p><a href=\"https://docs.example.com/privacy?lang=en&amp;v=2&amp;page=").Append(i)
                .Append("\">a</a>\n")
                .Append("<a href='https:&#47;&#47;shop.example.org&#x2F;items?id=").Append(i)
                .Append("&#38;sort=asc#top'>b</a>\n")
                .Append("<a href=https://docs.example.com/a?b=").Append(i).Append("&amp;c=&lt;>c</a>\n")
                .Append("<a href=\"https://blog.example.org/?q=&quot;").Append(i).Append("&quot;\">d</a>")
                .Append(" and <a href=\"https://other.test/?x=1&amp;y=2\">other</a>.</p>\n");
        }

        return Encoding.UTF8.GetBytes(page.Append("</body></html>").ToString());
    }
}
