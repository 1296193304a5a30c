using System.Text;

namespace CioAspNet.Benchmarks;

/// <summary>
/// Checks, before a benchmark is measured, that every approach really inserted the loader into its page, so
/// that no variant is fast because it did nothing.
/// </summary>
internal static class BenchmarkCheck
{
    private static readonly byte[] LoaderMarker = "data-cio-loader"u8.ToArray();
    private static readonly byte[] CioIdParameter = Encoding.ASCII.GetBytes("_cio_id=" + RewriteBenchmarks.CioId);

    public static void Run(RewriteBenchmarks benchmarks)
    {
        benchmarks.StringInsert();
        var expected = benchmarks.Output.ToArray();
        Require(Count(expected, LoaderMarker) == 1, "StringInsert", "inserted the loader once");

        benchmarks.InsertLoader();
        Require(benchmarks.Output.SequenceEqual(expected), "InsertLoader", "matched StringInsert byte for byte");

        benchmarks.InsertLoaderAndLinks();
        Require(Count(benchmarks.Output, LoaderMarker) == 1, "InsertLoaderAndLinks", "inserted the loader once");
        Require(Count(benchmarks.Output, CioIdParameter) > 0, "InsertLoaderAndLinks", "rewrote links");

        benchmarks.AngleSharpDom();
        Require(Count(benchmarks.Output, LoaderMarker) == 1, "AngleSharpDom", "inserted the loader once");
    }

    /// <summary>Describes the page of the current parameters: size, links, and links on an allowed host.</summary>
    public static string Describe(RewriteBenchmarks benchmarks)
    {
        var page = benchmarks.PageBytes;
        var links = Count(page, "<a "u8) + Count(page, "<a\n"u8);
        benchmarks.InsertLoaderAndLinks();
        var rewritten = Count(benchmarks.Output, CioIdParameter);
        var scripts = Count(page, "<script"u8);
        return $"{benchmarks.Page}: {page.Length} bytes, {links} links, {rewritten} on allowed hosts, " +
            $"{scripts} scripts";
    }

    private static void Require(bool condition, string benchmark, string expectation)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The {benchmark} benchmark has not {expectation}.");
        }
    }

    private static int Count(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        var count = 0;
        for (var index = text.IndexOf(value); index >= 0; index = text.IndexOf(value))
        {
            count++;
            text = text[(index + value.Length)..];
        }

        return count;
    }
}
