using System.Buffers;
using System.Text;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using CioAspNet.Links;
using CioAspNet.Middleware;
using CioAspNet.Rewriting;
using CioAspNet.Snippet;

namespace CioAspNet.Benchmarks;

/// <summary>
/// One response per operation: a page written in chunks of <see cref="WriteSize"/> bytes through each way of
/// inserting the loader, into an output that is reused across operations. Every per-response object (the
/// rewriter, the link writer, the buffering stream) is created inside the operation, so its allocation counts.
/// </summary>
/// <remarks>
/// The minimum and the median are shown beside the mean because on a machine shared with other work the mean
/// takes in every pause of the benchmark process.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RewriteBenchmarks
{
    /// <summary>The cio_id of the link benchmarks, in the 16 lowercase hex characters of real links.</summary>
    public const string CioId = "a1b2c3d4e5f6a7b8";

    private static readonly Dictionary<string, int> PageSizes = new()
    {
        ["4KB"] = 4 * 1024,
        ["100KB"] = 100 * 1024,
        ["5MB"] = 5 * 1024 * 1024,
    };

    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly HtmlParser _parser = new();
    private readonly CioLoader _loader = new(new CioOptions { SiteId = "benchmark0site0id" });
    private readonly DomainAllowList _allowList = new(["docs.example.com", "*.example.org"]);
    private byte[] _page = [];
    private string _loaderHtml = "";
    private string _loaderScript = "";

    /// <summary>The page size.</summary>
    [Params("4KB", "100KB", "5MB")]
    public string Page { get; set; } = "4KB";

    /// <summary>The size of each write of the app into the response body, in bytes.</summary>
    [Params(4096, 16384)]
    public int WriteSize { get; set; } = 4096;

    [GlobalSetup]
    public void Setup()
    {
        _page = BenchmarkPages.Build(PageSizes[Page]);
        _loaderHtml = _loader.ToHtml(nonce: null);
        _loaderScript = Encoding.UTF8.GetString(_loader.Script);
        BenchmarkCheck.Run(this);
    }

    /// <summary>Copies the page to the output unchanged.</summary>
    [Benchmark(Baseline = true)]
    public int PassThrough()
    {
        _output.ResetWrittenCount();
        for (var offset = 0; offset < _page.Length; offset += WriteSize)
        {
            _output.Write(Chunk(offset));
        }

        return _output.WrittenCount;
    }

    /// <summary>Streams the page through the rewriter, which inserts the loader.</summary>
    [Benchmark]
    public int InsertLoader() => Rewrite(CreateRewriter(links: false));

    /// <summary>Streams the page through the rewriter, which inserts the loader and rewrites allowed links.</summary>
    [Benchmark]
    public int InsertLoaderAndLinks() => Rewrite(CreateRewriter(links: true));

    /// <summary>Buffers the page as a string and inserts the loader before the last <c>&lt;/body&gt;</c>.</summary>
    [Benchmark]
    public int StringInsert() => Buffer(new StringInserter(_loaderHtml));

    /// <summary>Parses the buffered page with AngleSharp, appends the loader to the body, and serializes it.</summary>
    [Benchmark]
    public int AngleSharpDom() => Buffer(new AngleSharpInserter(_parser, _loaderScript));

    internal HtmlRewriter CreateRewriter(bool links) => new(
        new LoaderContent(_loader),
        links ? new LinkTagWriter(_allowList, CioId, utf8: true) : null);

    internal ReadOnlySpan<byte> Output => _output.WrittenSpan;

    internal ReadOnlySpan<byte> PageBytes => _page;

    private int Rewrite(HtmlRewriter rewriter)
    {
        _output.ResetWrittenCount();
        for (var offset = 0; offset < _page.Length; offset += WriteSize)
        {
            rewriter.Write(Chunk(offset), _output);
        }

        rewriter.Complete(_output);
        return _output.WrittenCount;
    }

    private int Buffer(BufferingInserter inserter)
    {
        _output.ResetWrittenCount();
        for (var offset = 0; offset < _page.Length; offset += WriteSize)
        {
            inserter.Write(Chunk(offset));
        }

        inserter.Complete(_output);
        return _output.WrittenCount;
    }

    private ReadOnlySpan<byte> Chunk(int offset) => _page.AsSpan(offset, Math.Min(WriteSize, _page.Length - offset));

    // What the middleware inserts into a page without queued calls: the loader, with no nonce.
    private sealed class LoaderContent(CioLoader loader) : IBodyEndContent
    {
        public void WriteTo(IBufferWriter<byte> output, bool loaderPresent)
        {
            if (!loaderPresent)
            {
                loader.WriteTo(output, nonce: null);
            }
        }
    }
}
