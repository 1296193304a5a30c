using BenchmarkDotNet.Running;
using CioAspNet.Benchmarks;

// "pages" prints what the benchmark pages contain, "quick PAGE" times (a) to (d) in a Stopwatch loop; any other
// arguments go to BenchmarkDotNet.
if (args is ["pages"])
{
    foreach (var page in new[] { "4KB", "100KB", "5MB" })
    {
        var benchmarks = new RewriteBenchmarks { Page = page };
        benchmarks.Setup();
        Console.WriteLine(BenchmarkCheck.Describe(benchmarks));
    }

    return;
}

if (args is ["quick", var quickPage])
{
    QuickRun.Run(quickPage);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RewriteBenchmarks).Assembly).Run(args);
