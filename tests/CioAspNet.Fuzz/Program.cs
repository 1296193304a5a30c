using System.Buffers;
using CioAspNet.Rewriting;
using SharpFuzz;

namespace CioAspNet.Fuzz;

/// <summary>
/// Feeds each AFL++ input to <see cref="HtmlRewriter"/> and throws, which AFL++ records as a crash, when the
/// rewriter throws, when the output depends on how the input is cut into writes, or when removing the inserted
/// bytes does not give back the input.
/// </summary>
internal static class Program
{
    private static readonly byte[] Insert = "<script data-cio-loader>L</script>"u8.ToArray();

    public static void Main()
    {
        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Check(buffer.ToArray());
        });
    }

    private static void Check(byte[] input)
    {
        var whole = Rewrite(input, [input.Length]);
        CheckBytePreservation(input, whole);

        var oneByte = Rewrite(input, [1]);
        if (!oneByte.Output.AsSpan().SequenceEqual(whole.Output))
        {
            throw new InvalidOperationException("One-byte writes gave another output than one write.");
        }

        // Write sizes from the input itself, so that AFL++ explores where writes end.
        var seed = input.Length == 0 ? 1 : input[0] | (input[^1] << 8);
        var random = new Random(seed);
        int[] sizes = [.. Enumerable.Range(0, 8).Select(_ => random.Next(1, 64))];
        var chunked = Rewrite(input, sizes);
        if (!chunked.Output.AsSpan().SequenceEqual(whole.Output))
        {
            throw new InvalidOperationException($"Writes of sizes {string.Join(",", sizes)} gave another output.");
        }
    }

    private static void CheckBytePreservation(byte[] input, (byte[] Output, int InsertOffset) result)
    {
        var output = result.Output.AsSpan();
        var restored = result.InsertOffset < 0
            ? output
            : (ReadOnlySpan<byte>)[.. output[..result.InsertOffset], .. output[(result.InsertOffset + Insert.Length)..]];
        if (!restored.SequenceEqual(input))
        {
            throw new InvalidOperationException("Removing the inserted bytes does not give back the input.");
        }

        if (result.InsertOffset >= 0 && !output.Slice(result.InsertOffset, Insert.Length).SequenceEqual(Insert))
        {
            throw new InvalidOperationException("The bytes at the insertion offset are not the inserted content.");
        }
    }

    // Writes the input in writes of the given sizes in turn; the last size repeats.
    private static (byte[] Output, int InsertOffset) Rewrite(byte[] input, int[] sizes)
    {
        var output = new ArrayBufferWriter<byte>();
        var content = new RecordingContent(output);
        var rewriter = new HtmlRewriter(content);
        var offset = 0;
        for (var index = 0; offset < input.Length; index++)
        {
            var length = Math.Min(Math.Max(1, sizes[Math.Min(index, sizes.Length - 1)]), input.Length - offset);
            rewriter.Write(input.AsSpan(offset, length), output);
            offset += length;
        }

        rewriter.Complete(output);
        return (output.WrittenSpan.ToArray(), content.InsertOffset);
    }

    private sealed class RecordingContent(ArrayBufferWriter<byte> output) : IBodyEndContent
    {
        public int InsertOffset { get; private set; } = -1;

        public void WriteTo(IBufferWriter<byte> destination, bool loaderPresent)
        {
            if (loaderPresent)
            {
                return;
            }

            if (InsertOffset >= 0)
            {
                throw new InvalidOperationException("The rewriter inserted its content a second time.");
            }

            InsertOffset = output.WrittenCount;
            destination.Write(Insert);
        }
    }
}
