using System.Globalization;
using System.Text;
using CsCheck;

namespace CioAspNet.Tests.Conformance;

/// <summary>
/// Property tests over generated documents. <c>CIO_GENERATED_DOCS</c> sets how many documents each property
/// checks (2,000 by default), and <c>CIO_GENERATED_SEED</c> replays the seed that a failure printed.
/// </summary>
public sealed class GeneratedDocumentTests
{
    private const int DefaultDocuments = 2_000;
    private const int RandomChunkingsPerDocument = 3;

    [Fact]
    public void Rewriter_GeneratedDocuments_OutputIsInputDomPlusLoader()
    {
        var wellFormed = 0;
        var inserted = 0;
        var count = Sample(document =>
        {
            var input = Encoding.UTF8.GetBytes(document.Html);
            var result = ConformanceRewriter.Rewrite(input, []);
            Interlocked.Add(ref wellFormed, document.WellFormed ? 1 : 0);
            Interlocked.Add(ref inserted, result.Inserted ? 1 : 0);
            return new InjectionOracle(input).Check(result, requireBody: document.WellFormed);
        });

        Report("DOM injection", count,
            $"{inserted} got the loader; {wellFormed} well-formed, where the loader must be inside body");
    }

    [Fact]
    public void Rewriter_GeneratedDocuments_OutputIndependentOfWriteSizes()
    {
        var count = Sample(document =>
        {
            var input = Encoding.UTF8.GetBytes(document.Html);
            var reference = ConformanceRewriter.Rewrite(input, []);
            var chunkings = ConformanceRewriter.Chunkings(input.Length, RandomChunkingsPerDocument, StableSeed(input));
            return RewriterProperties.CheckChunkInvariance(input, reference, chunkings.Skip(1));
        });

        Report("chunk invariance", count, $"one-byte writes and {RandomChunkingsPerDocument} random plans each");
    }

    [Fact]
    public void Rewriter_GeneratedDocuments_PreservesInputBytes()
    {
        var count = Sample(document =>
        {
            var input = Encoding.UTF8.GetBytes(document.Html);
            return RewriterProperties.CheckBytePreservation(input, ConformanceRewriter.Rewrite(input, []));
        });

        Report("byte preservation", count, "");
    }

    // Runs the check on generated documents; CsCheck shrinks a failing document and throws with its seed.
    private static long Sample(Func<GeneratedDocument, string?> check)
    {
        var count = DocumentCount();
        var seed = Environment.GetEnvironmentVariable("CIO_GENERATED_SEED");
        HtmlDocumentGenerator.Document.Sample(
            document =>
            {
                var problem = check(document);
                if (problem is not null)
                {
                    throw new InvalidOperationException(problem);
                }
            },
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: count,
            print: document => Escape(document.Html) + (document.WellFormed ? " (well-formed)" : ""));
        return count;
    }

    private static long DocumentCount()
    {
        var setting = Environment.GetEnvironmentVariable("CIO_GENERATED_DOCS");
        if (string.IsNullOrEmpty(setting))
        {
            return DefaultDocuments;
        }

        if (!long.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new InvalidOperationException(
                $"CIO_GENERATED_DOCS is '{setting}', which is not a positive whole number of documents.");
        }

        return count;
    }

    private static int StableSeed(byte[] input)
    {
        var hash = 2166136261u;
        foreach (var b in input)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static string Escape(string html) => "\"" + html
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\0", "\\0", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\f", "\\f", StringComparison.Ordinal) + "\"";

    private static void Report(string property, long count, string detail) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"generated documents, {property}: {count} run, {count} passed" + (detail.Length > 0 ? $"; {detail}" : ""));
}
