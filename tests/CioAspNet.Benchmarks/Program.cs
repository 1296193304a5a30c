using BenchmarkDotNet.Running;
using CioAspNet.Benchmarks;

// "pages" prints what the benchmark pages contain; any other arguments go to BenchmarkDotNet.
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

BenchmarkSwitcher.FromAssembly(typeof(RewriteBenchmarks).Assembly).Run(args);
