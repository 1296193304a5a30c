using CioAspNet.Snippet;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CioAspNet.Tests.Middleware;

/// <summary>The enhanced navigation script that the middleware adds when <c>Cio:TrackEnhancedNavigation</c> is on.</summary>
public sealed class EnhancedNavigationTests
{
    private const string Selector = "script[" + EnhancedNavigationScript.MarkerAttribute + "]";

    private static readonly Dictionary<string, string?> TrackingOn = new()
    {
        ["Cio:TrackEnhancedNavigation"] = "true",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnhancedNavigation_OptionDefault_EmitsNoScript()
    {
        var html = await GetPageAsync(TestAppCalls.Page, settings: null);

        Assert.Empty(CioScripts.Parse(html).QuerySelectorAll(Selector));
        Assert.DoesNotContain("enhancedload", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnhancedNavigation_OptionOff_EmitsNoScript()
    {
        var html = await GetPageAsync(
            TestAppCalls.Page, new Dictionary<string, string?> { ["Cio:TrackEnhancedNavigation"] = "false" });

        Assert.Empty(CioScripts.Parse(html).QuerySelectorAll(Selector));
        Assert.DoesNotContain("enhancedload", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnhancedNavigation_OptionOn_EmitsScriptWithNonce()
    {
        var html = await GetPageAsync(TestAppCalls.Page, TrackingOn, nonce: "n0nce-42");

        var script = Assert.Single(CioScripts.Parse(html).QuerySelectorAll(Selector));
        Assert.Equal("n0nce-42", script.GetAttribute("nonce"));
        Assert.Equal("body", script.ParentElement!.LocalName);
        Assert.Contains("Blazor", script.TextContent, StringComparison.Ordinal);
        Assert.Contains("addEventListener(\"enhancedload\"", script.TextContent, StringComparison.Ordinal);
        Assert.Contains(
            "(window._cio = window._cio || []).push([\"page\", location.href]);",
            script.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("window.__cioEnhancedNav", script.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnhancedNavigation_NoNonce_OmitsNonceAttribute()
    {
        var html = await GetPageAsync(TestAppCalls.Page, TrackingOn);

        var script = Assert.Single(CioScripts.Parse(html).QuerySelectorAll(Selector));
        Assert.False(script.HasAttribute("nonce"), script.OuterHtml);
    }

    [Fact]
    public async Task EnhancedNavigation_QueuedCalls_ComesLast()
    {
        await using var app = await TestAppCalls.StartAsync(
            web => web.MapGet("/", (HttpContext context, ICioCalls cio) =>
            {
                context.Items["csp-nonce"] = "abc";
                cio.Track("viewed");
                return Results.Content(TestAppCalls.Page, "text/html; charset=utf-8");
            }),
            settings: TrackingOn);

        var html = await app.Client.GetStringAsync("/", Cancel);

        var scripts = CioScripts.Scripts(html);
        Assert.Equal(3, scripts.Count);
        Assert.True(scripts[0].HasAttribute("data-cio-loader"), scripts[0].OuterHtml);
        Assert.Equal(["track:viewed"], CioScripts.Describe(CioScripts.CallsIn(scripts[1].TextContent)));
        Assert.True(scripts[2].HasAttribute(EnhancedNavigationScript.MarkerAttribute), scripts[2].OuterHtml);
        Assert.All(scripts, script => Assert.Equal("abc", script.GetAttribute("nonce")));
    }

    [Fact]
    public async Task EnhancedNavigation_OwnLoader_EmitsScript()
    {
        const string page = "<html><body><script id=\"cio-tracker\" src=\"/t.js\"></script><p>x</p></body></html>";

        var html = await GetPageAsync(page, TrackingOn);

        var document = CioScripts.Parse(html);
        Assert.Empty(document.QuerySelectorAll("script[data-cio-loader]"));
        Assert.Single(document.QuerySelectorAll(Selector));
    }

    [Fact]
    public async Task EnhancedNavigation_DecoyBodyEndTags_EmitsOnce()
    {
        // The end tags in the comment and the script are not real ones, and the second real one gets nothing.
        const string page =
            "<!DOCTYPE html><html><body><!-- </body> --><script>var s = \"</body>\";</script><p>x</p></body>" +
            "</body></html>";

        var html = await GetPageAsync(page, TrackingOn);

        Assert.Single(CioScripts.Parse(html).QuerySelectorAll(Selector));
        Assert.Equal(1, CountOf(html, EnhancedNavigationScript.MarkerAttribute));
    }

    [Fact]
    public async Task EnhancedNavigation_EveryPageResponse_GetsOwnScript()
    {
        await using var app = await StartAsync(TestAppCalls.Page, TrackingOn, nonce: null);

        foreach (var path in new[] { "/", "/pricing", "/about" })
        {
            var html = await app.Client.GetStringAsync(path, Cancel);

            Assert.Equal(1, CountOf(html, EnhancedNavigationScript.MarkerAttribute));
        }
    }

    private static async Task<string> GetPageAsync(
        string page, Dictionary<string, string?>? settings, string? nonce = null)
    {
        await using var app = await StartAsync(page, settings, nonce);
        return await app.Client.GetStringAsync("/", Cancel);
    }

    private static Task<TestApp> StartAsync(string page, Dictionary<string, string?>? settings, string? nonce) =>
        TestApp.StartAsync(
            web => web.Run(context =>
            {
                if (nonce is not null)
                {
                    context.Items["csp-nonce"] = nonce;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(page);
            }),
            settings);

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal);
            index >= 0;
            index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
