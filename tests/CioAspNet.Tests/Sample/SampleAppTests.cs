using System.Net;
using CioAspNet.Tests.Middleware;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CioAspNet.Tests.Sample;

public sealed class SampleAppTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const string SampleSiteId = "demo0sample0site0id0";
    private readonly WebApplicationFactory<Program> _factory;

    public SampleAppTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
    }

    public static TheoryData<string> HtmlPages => ["/", "/Home/Explicit", "/static.html", "/Privacy", "/minimal"];

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public async Task SamplePage_Get_CarriesOneLoaderWithSiteId(string path)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
        Assert.Contains($"\"data-site-id\", \"{SampleSiteId}\"", html, StringComparison.Ordinal);
        Assert.Contains("https://assets.customer.io/assets/track.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_Get_LoaderIsLastBeforeBodyEndTag()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        var bodyEnd = html.LastIndexOf("</body>", StringComparison.Ordinal);
        Assert.EndsWith("})();\n</script>", html[..bodyEnd], StringComparison.Ordinal);
        Assert.Contains("window.sampleMarker = \"</body>\";", html, StringComparison.Ordinal);
        using var document = Support.DomAssert.Parse(html);
        Assert.Equal("body", document.QuerySelector("script[data-cio-loader]")!.ParentElement!.LocalName);
    }

    [Fact]
    public async Task ExplicitPage_Get_LoaderStaysWhereLayoutPutIt()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/Home/Explicit", TestContext.Current.CancellationToken);

        using var document = Support.DomAssert.Parse(html);
        var body = document.Body!;
        Assert.Equal("script", body.FirstElementChild!.LocalName);
        Assert.True(body.FirstElementChild.HasAttribute("data-cio-loader"));
    }

    [Fact]
    public async Task EuRegion_Get_LoadsEuScript()
    {
        using var factory = _factory.WithWebHostBuilder(web => web.UseSetting("Cio:Region", "Eu"));
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("https://assets.customer.io/assets/track-eu.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("assets/track.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExcludedPath_Get_PassesThrough()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UntrackedAction_CioDisabled_GetsNoLoader()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/Home/Untracked", TestContext.Current.CancellationToken);

        Assert.Contains("<h1>Untracked page</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-cio-loader", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSiteId_Start_FailsNamingKey()
    {
        using var factory = _factory.WithWebHostBuilder(web => web.UseSetting("Cio:SiteId", ""));

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Cio:SiteId", error.ToString(), StringComparison.Ordinal);
    }
}
