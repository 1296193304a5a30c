namespace CioAspNet.Tests.Conformance;

/// <summary>
/// Differential tests of the rewriter over the real pages of the corpus, with AngleSharp as the reference parser.
/// </summary>
public sealed class CorpusPageTests
{
    private const int RandomChunkingsPerPage = 24;

    [Fact]
    public void Rewriter_CorpusPages_OutputIsInputDomPlusLoader()
    {
        var withoutLoader = new List<string>();
        var failures = new List<string>();
        var pages = CorpusDirectory.Pages();
        foreach (var page in pages)
        {
            var input = File.ReadAllBytes(page);
            var result = ConformanceRewriter.Rewrite(input, []);
            if (!result.Inserted)
            {
                withoutLoader.Add(Path.GetFileName(page));
            }

            var problem = new InjectionOracle(input).Check(result, requireBody: true);
            if (problem is not null)
            {
                failures.Add($"{Path.GetFileName(page)}: {problem}");
            }
        }

        Report("DOM injection", pages.Count, failures,
            $"{pages.Count - withoutLoader.Count} got the loader; without it: {string.Join(", ", withoutLoader)}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Rewriter_CorpusPages_OutputIndependentOfWriteSizes()
    {
        var failures = new List<string>();
        var pages = CorpusDirectory.Pages();
        for (var index = 0; index < pages.Count; index++)
        {
            var input = File.ReadAllBytes(pages[index]);
            var reference = ConformanceRewriter.Rewrite(input, []);
            var chunkings = ConformanceRewriter.Chunkings(input.Length, RandomChunkingsPerPage, seed: index);
            var problem = RewriterProperties.CheckChunkInvariance(input, reference, chunkings.Skip(1));
            if (problem is not null)
            {
                failures.Add($"{Path.GetFileName(pages[index])}: {problem}");
            }
        }

        Report("chunk invariance", pages.Count, failures,
            $"each in one write, one-byte writes and {RandomChunkingsPerPage} seeded random plans");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Rewriter_CorpusPages_PreservesInputBytes()
    {
        var failures = new List<string>();
        var pages = CorpusDirectory.Pages();
        foreach (var page in pages)
        {
            var input = File.ReadAllBytes(page);
            var problem = RewriterProperties.CheckBytePreservation(input, ConformanceRewriter.Rewrite(input, []));
            if (problem is not null)
            {
                failures.Add($"{Path.GetFileName(page)}: {problem}");
            }
        }

        Report("byte preservation", pages.Count, failures, "");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The link property (exactly the allow-listed a and area links change, once) is checked over the same pages
    // by Links/CorpusLinkTests.

    private static void Report(string suite, int pages, List<string> failures, string detail)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"corpus pages, {suite}: {pages} run, {pages - failures.Count} passed, {failures.Count} failed" +
            (detail.Length > 0 ? $"; {detail}" : ""));
    }
}
