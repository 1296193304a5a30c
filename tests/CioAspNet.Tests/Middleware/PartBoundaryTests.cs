using CioAspNet.Middleware;
using CioAspNet.TagHelpers;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CioAspNet.Tests.Middleware;

/// <summary>Edges between the parts: exclusions in tag helpers, output caching, and loaders written elsewhere.</summary>
public sealed class PartBoundaryTests
{
    private const string Page = "<html><body><p>x</p></body></html>";

    [Fact]
    public async Task Options_SeveralUnconvertibleValues_ReportedTogether()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cio:Region"] = "Asia",
            ["Cio:UseArrayParams"] = "yes",
            ["Cio:Links:CookieLifetime"] = "forever",
            ["Cio:ScriptUrl"] = "http://cdn.example.com/track.js",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, settings));

        Assert.Contains("Cio:Region has the invalid value 'Asia'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cio:UseArrayParams has the invalid value 'yes'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cio:Links:CookieLifetime has the invalid value 'forever'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cio:ScriptUrl must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagHelpers_ExcludedPath_RenderNothing()
    {
        using var harness = new TagHelperHarness(new Dictionary<string, string?> { ["Cio:ExcludedPaths:0"] = "/page" });
        var track = harness.Create<CioTrackTagHelper>();
        track.Name = "viewed";

        var snippet = await TagHelperHarness.RenderAsync(harness.Create<CioSnippetTagHelper>(), "cio-snippet");
        var call = await TagHelperHarness.RenderAsync(track, "cio-track");

        Assert.Equal("", snippet);
        Assert.Equal("", call);
    }

    [Fact]
    public async Task RewrittenPage_SnippetWroteLoaderElsewhere_InsertsNoSecond()
    {
        await using var app = await TestApp.StartAsync(web => web.Run(context =>
        {
            // What <cio-snippet /> placed after </body> does while the view renders, before the page is written.
            context.Features.Get<CioPageFeature>()!.LoaderWritten = true;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(Page);
        }));

        var html = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(Page, html);
    }

    [Fact]
    public async Task BodyComponent_HandWrittenLoader_LeavesPageToRewriter()
    {
        using var harness = new TagHelperHarness();
        var options = harness.Options.CurrentValue;
        var page = new CioPageFeature(options, new CioAspNet.Snippet.CioLoader(options));
        harness.HttpContext.Features.Set(page);
        var component = new CioBodyTagHelperComponent
        {
            ViewContext = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext { HttpContext = harness.HttpContext },
        };
        var context = new TagHelperContext("body", [], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("body", [], (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(
                "<script id=\"cio-tracker\" async src=\"https://assets.customer.io/assets/track.js\"></script>")));

        await component.ProcessAsync(context, output);

        Assert.True(output.PostContent.IsEmptyOrWhiteSpace);
        Assert.Equal(PageInsertion.None, page.Insertion);
    }

    [Fact]
    public async Task OutputCache_CachedView_InsertsPerRequestOutsideCache()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.AddOutputCache(cache => cache.AddBasePolicy(policy => policy.Cache()));
            services.AddSingleton<IStartupFilter, OutputCacheStartupFilter>();
        }));
        using var client = factory.CreateClient();

        var first = await client.GetStringAsync("/Privacy", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Privacy");
        request.Headers.Add("Sec-GPC", "1");
        using var gpcResponse = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var fromCache = await gpcResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(first, "data-cio-loader"));
        Assert.True(gpcResponse.Headers.Age is not null, "The second response should come from the output cache.");
        Assert.Equal(0, WritePathTests.CountOccurrences(fromCache, "data-cio-loader"));
    }

    // Runs after CioAspNet's start-up filter, so output caching sits inside the middleware, as in the sample.
    private sealed class OutputCacheStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseOutputCache();
            next(app);
        };
    }
}
