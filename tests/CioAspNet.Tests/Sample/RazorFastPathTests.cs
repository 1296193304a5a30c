using CioAspNet.Tests.Middleware;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CioAspNet.Tests.Sample;

/// <summary>Razor views get the loader from the body tag helper component, and the middleware does not scan them.</summary>
public sealed class RazorFastPathTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public RazorFastPathTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(web => web
            .UseSetting("Logging:LogLevel:CioAspNet", "Debug")
            .ConfigureLogging(logging => logging.AddFakeLogging()));
    }

    [Fact]
    public async Task MvcView_Get_InsertedByViewNotRewriter()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
        Assert.EndsWith("</script></body>", html[..(html.LastIndexOf("</body>", StringComparison.Ordinal) + 7)], StringComparison.Ordinal);
        Assert.Contains(Logs(), r => r.Id.Name == "ResponseSkipped" && r.Message.Contains("Razor view", StringComparison.Ordinal));
        Assert.DoesNotContain(Logs(), r => r.Id.Name == "SnippetInserted");
    }

    [Fact]
    public async Task MvcView_WithCioId_RewritesLinksButInsertsOnce()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
        Assert.Contains("href=\"https://shop.sister-site.example/?_cio_id=a1b2c3\"", html, StringComparison.Ordinal);
        Assert.Contains(Logs(), r => r.Id.Name == "LinksRewritten");
    }

    [Fact]
    public async Task StreamedView_FlushedHead_InsertedByRewriter()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/Home/Streamed", TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
        Assert.Contains(Logs(), r => r.Id.Name == "SnippetInserted");
        using var document = Support.DomAssert.Parse(html);
        Assert.Equal("body", document.QuerySelector("script[data-cio-loader]")!.ParentElement!.LocalName);
    }

    [Fact]
    public async Task StaticFile_Get_InsertedByRewriter()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/static.html", TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
        Assert.Contains(Logs(), r => r.Id.Name == "SnippetInserted");
    }

    private IReadOnlyList<FakeLogRecord> Logs() => _factory.Services.GetFakeLogCollector().GetSnapshot();
}
