using System.Net;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Integration;

public sealed class QueueDeliveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IResult Html(string html = TestAppCalls.Page) => Results.Content(html, "text/html; charset=utf-8");

    [Fact]
    public async Task Queue_EndpointCalls_EmittedInOrder()
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/page", (ICioCalls cio) =>
        {
            cio.Track("first", new { n = 1 });
            cio.Identify("42", new { plan = "pro" });
            cio.Page("Pricing");
            cio.Track("last");
            return Html();
        }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        var scripts = CioScripts.Scripts(html);
        Assert.Equal(2, scripts.Count);
        Assert.True(scripts[0].HasAttribute("data-cio-loader"));
        Assert.Equal(["track:first", "identify", "page", "track:last"], CioScripts.Describe(CioScripts.Calls(html)));
        Assert.Equal("body", scripts[1].ParentElement!.LocalName);
    }

    [Fact]
    public async Task Queue_MiddlewareAndEndpoint_ShareQueue()
    {
        await using var app = await TestAppCalls.StartAsync(
            web => web.MapGet("/page", (HttpContext context, ICioCalls cio) =>
            {
                Assert.Same(context.GetCioCalls(), cio);
                cio.Track("fromEndpoint");
                return Html();
            }),
            beforeMap: web => web.Use((context, next) =>
            {
                context.GetCioCalls().Track("fromMiddleware");
                return next(context);
            }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        Assert.Equal(["track:fromMiddleware", "track:fromEndpoint"], CioScripts.Describe(CioScripts.Calls(html)));
    }

    [Fact]
    public async Task Queue_PageWithOwnLoader_StillEmitsCalls()
    {
        const string page = "<html><body><script id=\"cio-tracker\" src=\"/t.js\"></script><p>x</p></body></html>";
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/page", (ICioCalls cio) =>
        {
            cio.Track("withOwnLoader");
            return Html(page);
        }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        Assert.DoesNotContain("data-cio-loader", html, StringComparison.Ordinal);
        Assert.Equal(["track:withOwnLoader"], CioScripts.Describe(CioScripts.Calls(html)));
    }

    [Fact]
    public async Task Queue_CspNonceInItems_OnLoaderAndCalls()
    {
        await using var app = await TestAppCalls.StartAsync(
            web => web.MapGet("/page", (ICioCalls cio) =>
            {
                cio.Track("e");
                return Html();
            }),
            beforeMap: web => web.Use((context, next) =>
            {
                context.Items["csp-nonce"] = "r4nd0m";
                return next(context);
            }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        var scripts = CioScripts.Scripts(html);
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, script => Assert.Equal("r4nd0m", script.GetAttribute("nonce")));
    }

    [Fact]
    public async Task Queue_ConfiguredNonceItemKey_IsRead()
    {
        await using var app = await TestAppCalls.StartAsync(
            web => web.MapGet("/page", () => Html()),
            settings: new Dictionary<string, string?> { ["Cio:Csp:NonceItemKey"] = "my-nonce" },
            beforeMap: web => web.Use((context, next) =>
            {
                context.Items["my-nonce"] = "k3y";
                return next(context);
            }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        Assert.Equal("k3y", Assert.Single(CioScripts.Scripts(html)).GetAttribute("nonce"));
    }

    [Fact]
    public async Task Queue_HostileEventData_DecodesToOriginal()
    {
        const string hostile = "</script><script>window.__xss=1</script>\u2028<!--\"'\\";
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/page", (ICioCalls cio) =>
        {
            cio.Track(hostile, new { value = hostile, items = new[] { hostile } });
            return Html();
        }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        Assert.Equal(2, CioScripts.Scripts(html).Count);
        var call = Assert.Single(CioScripts.Calls(html));
        Assert.Equal(hostile, call[1].GetString());
        Assert.Equal(hostile, call[2].GetProperty("value").GetString());
        Assert.Equal(hostile, call[2].GetProperty("items")[0].GetString());
    }

    [Fact]
    public async Task Queue_JsonResponse_Warns()
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/api", (ICioCalls cio) =>
        {
            cio.Track("lost");
            return Results.Json(new { ok = true });
        }));

        var response = await app.Client.GetAsync("/api", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(LogLevel.Warning, Assert.Single(app.LogsWithId(33)).Level);
    }

    [Fact]
    public async Task Queue_HeadRequest_DropsSilently()
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapMethods("/page", ["HEAD"], (ICioCalls cio) =>
        {
            cio.Track("probe");
            return Html();
        }));

        using var head = new HttpRequestMessage(HttpMethod.Head, "/page");
        var response = await app.Client.SendAsync(head, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.LogsWithId(33));
    }

    [Fact]
    public async Task Queue_PageWithoutBodyEnd_Warns()
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/fragment", (ICioCalls cio) =>
        {
            cio.Track("lost");
            return Html("<p>fragment</p>");
        }));

        var html = await app.Client.GetStringAsync("/fragment", Cancel);

        Assert.Equal("<p>fragment</p>", html);
        Assert.Contains("</body>", Assert.Single(app.LogsWithId(33)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_CallAfterBodyWritten_Dropped()
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/page", async (HttpContext context, ICioCalls cio) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(TestAppCalls.Page, Cancel);
            await context.Response.Body.FlushAsync(Cancel);
            cio.Track("late");
        }));

        var html = await app.Client.GetStringAsync("/page", Cancel);

        Assert.Empty(CioScripts.Calls(html));
        Assert.Contains("'late'", Assert.Single(app.LogsWithId(34)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_Disabled_IgnoresCalls()
    {
        await using var app = await TestAppCalls.StartAsync(
            web => web.MapGet("/page", (ICioCalls cio) =>
            {
                cio.Track("ignored");
                return Results.Redirect("/next");
            }),
            settings: new Dictionary<string, string?> { ["Cio:Enabled"] = "false" });

        var response = await app.Client.GetAsync("/page", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
