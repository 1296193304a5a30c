using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;
using CioAspNet.Snippet;

namespace CioAspNet.Tests.Conformance;

/// <summary>The output of one rewrite, and where in it the loader went.</summary>
/// <param name="Output">The rewritten document.</param>
/// <param name="InsertOffset">Offset of the loader in the output, or -1 when nothing was inserted.</param>
/// <param name="AbandonedTags">Tags that were too long for the carry buffer.</param>
internal sealed record RewriteResult(byte[] Output, int InsertOffset, int AbandonedTags)
{
    public bool Inserted => InsertOffset >= 0;
}

/// <summary>
/// Runs <see cref="HtmlRewriter"/> with the real loader, marked with a nonce that no input carries, so that
/// tests can find the inserted element in the output's DOM and its bytes in the output.
/// </summary>
internal static class ConformanceRewriter
{
    public const string MarkerNonce = "cio-conformance-marker";

    private static readonly CioLoader Loader = new(new CioOptions { SiteId = "conformance-site" });

    /// <summary>The bytes of the loader element, as the rewriter inserts them.</summary>
    public static byte[] LoaderElement { get; } = WriteLoader();

    /// <summary>The loader's script text, which the inserted element must contain unchanged.</summary>
    public static string LoaderScript { get; } = Encoding.UTF8.GetString(Loader.Script);

    /// <summary>Rewrites the input in writes of the given sizes in turn; the rest after them goes in one write.</summary>
    public static RewriteResult Rewrite(ReadOnlySpan<byte> input, IReadOnlyList<int> writeSizes)
    {
        var output = new ArrayBufferWriter<byte>(input.Length + LoaderElement.Length + 16);
        var content = new MarkedLoaderContent(output);
        var rewriter = new HtmlRewriter(content);
        var offset = 0;
        foreach (var size in writeSizes)
        {
            if (offset >= input.Length)
            {
                break;
            }

            var length = Math.Min(size, input.Length - offset);
            rewriter.Write(input.Slice(offset, length), output);
            offset += length;
        }

        if (offset < input.Length)
        {
            rewriter.Write(input[offset..], output);
        }

        rewriter.Complete(output);
        return new RewriteResult(output.WrittenSpan.ToArray(), content.InsertOffset, rewriter.AbandonedTags);
    }

    /// <summary>
    /// Returns the write plans for a document: one write, one-byte writes, and <paramref name="randomCount"/>
    /// random plans from <paramref name="seed"/>, each with sizes from 1 up to a limit drawn from 2 to 4096.
    /// </summary>
    public static IEnumerable<(string Name, IReadOnlyList<int> Sizes)> Chunkings(int length, int randomCount, int seed)
    {
        yield return ("one write", []);
        yield return ("one-byte writes", Enumerable.Repeat(1, length).ToArray());

        int[] limits = [2, 3, 8, 17, 64, 333, 4096];
        var random = new Random(seed);
        for (var plan = 0; plan < randomCount; plan++)
        {
            var limit = limits[random.Next(limits.Length)];
            var sizes = new List<int>();
            for (var covered = 0; covered < length;)
            {
                var size = random.Next(1, limit + 1);
                sizes.Add(size);
                covered += size;
            }

            yield return ($"random writes #{plan} of seed {seed} (sizes {string.Join(",", sizes.Take(40))}...)", sizes);
        }
    }

    private static byte[] WriteLoader()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Loader.WriteTo(buffer, MarkerNonce);
        return buffer.WrittenSpan.ToArray();
    }

    // Records where in the output the loader starts: the rewriter writes into the same buffer it was handed.
    private sealed class MarkedLoaderContent(ArrayBufferWriter<byte> output) : IBodyEndContent
    {
        public int InsertOffset { get; private set; } = -1;

        public void WriteTo(IBufferWriter<byte> destination, bool loaderPresent)
        {
            if (loaderPresent)
            {
                return;
            }

            if (!ReferenceEquals(destination, output))
            {
                throw new InvalidOperationException("The rewriter wrote the loader to an unexpected buffer.");
            }

            if (InsertOffset >= 0)
            {
                throw new InvalidOperationException("The rewriter inserted the loader a second time.");
            }

            InsertOffset = output.WrittenCount;
            destination.Write(LoaderElement);
        }
    }
}
