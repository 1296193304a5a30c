using System.Buffers;
using System.Text;
using CioAspNet.Links;
using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Rewriting;

/// <summary>Memory bounds of the streaming path, from the thread's allocation counter.</summary>
public sealed class RewriterAllocationTests
{
    private static readonly byte[] Page = BuildPage();

    [Theory]
    [InlineData(false, 4 * 1024)]
    [InlineData(false, 16 * 1024)]
    [InlineData(true, 4 * 1024)]
    [InlineData(true, 16 * 1024)]
    public void Rewriter_LargePage_AllocatesUnderOneKilobytePerResponse(bool rewriteLinks, int writeSize)
    {
        var output = new ArrayBufferWriter<byte>(Page.Length * 2);
        var allowList = new DomainAllowList(["docs.example.com", "*.example.org"]);
        Run(output, allowList, rewriteLinks, writeSize);

        // The smallest of three runs: while the tokenizer's loops still run unoptimized code, the JIT can allocate
        // on this thread once, as it replaces a method on the stack.
        HtmlRewriter rewriter = null!;
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            output.ResetWrittenCount();
            var before = GC.GetAllocatedBytesForCurrentThread();
            rewriter = Run(output, allowList, rewriteLinks, writeSize);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(rewriter.Inserted);
        Assert.Equal(rewriteLinks ? 400 : 0, rewriter.RewrittenLinks);
        Assert.True(allocated < 1024, $"Rewriting a {Page.Length:N0}-byte page allocated {allocated:N0} bytes.");
    }

    private static HtmlRewriter Run(ArrayBufferWriter<byte> output, DomainAllowList allowList, bool rewriteLinks, int writeSize)
    {
        var links = rewriteLinks ? new LinkTagWriter(allowList, "a1b2c3d4", utf8: true) : null;
        var rewriter = new HtmlRewriter(StaticContent.Instance, links);
        for (var offset = 0; offset < Page.Length; offset += writeSize)
        {
            rewriter.Write(Page.AsSpan(offset, Math.Min(writeSize, Page.Length - offset)), output);
        }

        rewriter.Complete(output);
        return rewriter;
    }

    // About 1 MB: paragraphs with links to allowed and other hosts, scripts and comments.
    private static byte[] BuildPage()
    {
        var page = new StringBuilder("<!DOCTYPE html><html><head><title>t</title></head><body>");
        for (var i = 0; i < 200; i++)
        {
            page.Append("<p class=\"intro\">Some text <a href=\"https://docs.example.com/guide?page=").Append(i)
                .Append("#top\">docs</a> and <a href='https://shop.example.org/'>shop</a> and ")
                .Append("<a href=\"https://other.test/\">other</a>.</p>\n<!-- a comment </body> -->\n")
                .Append("<script>var s = \"</body>\";</script>\n")
                .Append(new string('x', 4000)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(page.Append("</body></html>").ToString());
    }

    private sealed class StaticContent : IBodyEndContent
    {
        public static readonly StaticContent Instance = new();

        public void WriteTo(IBufferWriter<byte> output, bool loaderPresent) => output.Write("<script>L</script>"u8);
    }
}
