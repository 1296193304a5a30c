using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Support;

/// <summary>Runs <see cref="HtmlRewriter"/> over a document split into writes of chosen sizes.</summary>
internal static class RewriterHarness
{
    /// <summary>What the test content inserts; short, so that expected outputs stay readable.</summary>
    public const string Insert = "<script data-cio-loader>L</script>";

    public static string Rewrite(string html) => Rewrite(Encoding.UTF8.GetBytes(html), [int.MaxValue]);

    public static string Rewrite(byte[] input, IReadOnlyList<int> chunkSizes) =>
        Encoding.UTF8.GetString(RewriteBytes(input, chunkSizes).Output);

    /// <summary>Rewrites the input, cutting it into writes of the given sizes in turn (the last size repeats).</summary>
    public static (byte[] Output, HtmlRewriter Rewriter) RewriteBytes(byte[] input, IReadOnlyList<int> chunkSizes)
    {
        var output = new ArrayBufferWriter<byte>();
        var rewriter = new HtmlRewriter(new MarkerContent());
        var offset = 0;
        var index = 0;
        while (offset < input.Length)
        {
            var size = chunkSizes[Math.Min(index++, chunkSizes.Count - 1)];
            var length = (int)Math.Min(size, input.Length - offset);
            rewriter.Write(input.AsSpan(offset, length), output);
            offset += length;
        }

        rewriter.Complete(output);
        return (output.WrittenSpan.ToArray(), rewriter);
    }

    /// <summary>Every way this helper splits a document: whole, byte by byte, and in two at every offset.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<int> Sizes)> Chunkings(int length)
    {
        yield return ("whole", [int.MaxValue]);
        yield return ("one byte", [1]);
        for (var split = 1; split < length; split++)
        {
            yield return ($"split at {split}", [split, int.MaxValue]);
        }
    }

    private sealed class MarkerContent : IBodyEndContent
    {
        public void WriteTo(IBufferWriter<byte> output, bool loaderPresent)
        {
            if (!loaderPresent)
            {
                output.Write(Encoding.UTF8.GetBytes(Insert));
            }
        }
    }
}
