using System.Diagnostics;

namespace CioAspNet.Benchmarks;

/// <summary>
/// A Stopwatch loop over the benchmark methods for a quick look while working on the hot path: the best of
/// 30 batches per case, with the garbage collector left warm. BenchmarkDotNet gives the figures to report.
/// </summary>
internal static class QuickRun
{
    public static void Run(string page)
    {
        if (Environment.GetEnvironmentVariable("CIO_QUICK_ONLY") is { Length: > 0 } only)
        {
            // For a profiler: one case for about ten seconds.
            var single = new RewriteBenchmarks { Page = page, WriteSize = 16384 };
            single.Setup();
            Func<int> operation = only == "c" ? single.InsertLoaderAndLinks : single.InsertLoader;
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed.TotalSeconds < 10)
            {
                operation();
            }

            return;
        }

        foreach (var writeSize in new[] { 4096, 16384 })
        {
            var benchmarks = new RewriteBenchmarks { Page = page, WriteSize = writeSize };
            benchmarks.Setup();
            var passThrough = Best(benchmarks.PassThrough);
            var insert = Best(benchmarks.InsertLoader);
            var links = Best(benchmarks.InsertLoaderAndLinks);
            var naive = Best(benchmarks.StringInsert);
            Console.WriteLine(
                $"{page} in {writeSize} B writes: (a) {passThrough:F1} µs, (b) {insert:F1} µs, (c) {links:F1} µs, " +
                $"(d) {naive:F1} µs; (b)/(a) {insert / passThrough:F1}x, (d)/(b) {naive / insert:F2}x, " +
                $"(c)/(b) {links / insert:F2}x");
        }
    }

    private static double Best(Func<int> operation)
    {
        // Half a second first, so that tiered compilation settles before the batches are timed.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 0.5)
        {
            operation();
        }

        var batch = 1;
        while (Time(operation, batch) < 0.02)
        {
            batch *= 2;
        }

        var best = double.MaxValue;
        for (var round = 0; round < 30; round++)
        {
            best = Math.Min(best, Time(operation, batch) / batch);
        }

        return best * 1e6;
    }

    private static double Time(Func<int> operation, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            operation();
        }

        return stopwatch.Elapsed.TotalSeconds;
    }
}
