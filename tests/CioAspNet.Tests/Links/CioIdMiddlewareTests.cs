using System.Net;
using System.Security.Claims;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Links;

public sealed class CioIdMiddlewareTests
{
    private const string Page =
        "<html><body><a href=\"https://docs.example.com/\">docs</a><a href=\"https://evil.test/\">x</a></body></html>";

    [Fact]
    public async Task Capture_ValidQueryValue_SetsHttpOnlyLaxCookie()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".CioAspNet.CioId=a1b2c3;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=7776000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Capture_HttpsRequest_SetsSecureCookie()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync(
            new Uri("https://localhost/?_cio_id=a1b2c3"), TestContext.Current.CancellationToken);

        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Capture_ConfiguredLifetime_SetsMaxAge()
    {
        await using var app = await StartAsync(new() { ["Cio:Links:CookieLifetime"] = "1.00:00:00" });

        using var response = await app.Client.GetAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        Assert.Contains("max-age=86400", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%22%3E%3Cscript%3E")]
    [InlineData("a1b2-c3")]
    [InlineData("")]
    [InlineData("a1b2c3%0D%0ASet-Cookie:%20x=1")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Capture_InvalidQueryValue_IgnoredAndNeverReflected(string value)
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync($"/?_cio_id={value}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var decoded = Uri.UnescapeDataString(value);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("_cio_id", html, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, header => header.Value.Any(v => decoded.Length > 0 && v.Contains(decoded, StringComparison.Ordinal)));
        var record = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Name == "InvalidCioIdIgnored");
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.True(decoded.Length == 0 || !record.Message.Contains(decoded, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capture_RepeatedQueryValue_Ignored()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync("/?_cio_id=a1&_cio_id=b2", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Rewrite_CookieWithoutQuery_RewritesAllowedLinksOnly()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/other");
        request.Headers.Add("Cookie", ".CioAspNet.CioId=a1b2c3");

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("href=\"https://docs.example.com/?_cio_id=a1b2c3\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://evil.test/\"", html, StringComparison.Ordinal);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Name == "LinksRewritten");
    }

    [Fact]
    public async Task Rewrite_InvalidCookie_LeavesLinks()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", ".CioAspNet.CioId=%22%3E");

        var html = await (await app.Client.SendAsync(request, TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("_cio_id", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ClaimWinsOverQueryAndCookie()
    {
        await using var app = await StartAsync(signedInCioId: "claim1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?_cio_id=query1");
        request.Headers.Add("Cookie", ".CioAspNet.CioId=cookie1");

        var html = await (await app.Client.SendAsync(request, TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("?_cio_id=claim1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_QueryWinsOverCookie()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?_cio_id=query1");
        request.Headers.Add("Cookie", ".CioAspNet.CioId=cookie1");

        var html = await (await app.Client.SendAsync(request, TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("?_cio_id=query1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_HttpContextExtension_ReturnsCioId()
    {
        string? seen = null;
        await using var app = await TestApp.StartAsync(
            web => web.MapGet("/", (HttpContext context) => seen = context.GetCioId()),
            LinkRewritingTests.DomainSettings());

        await app.Client.GetStringAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        Assert.Equal("a1b2c3", seen);
    }

    [Fact]
    public async Task Rewrite_KnownCioId_MarksResponsePrivateAndUncached()
    {
        var cachedStorage = true;
        await using var app = await StartAsync(
            configure: web => web.Use(async (context, next) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=60, s-maxage=600";
                var outputCache = context.Features.Get<IOutputCacheFeature>()!;
                await next(context);
                cachedStorage = outputCache.Context.AllowCacheStorage;
            }),
            services: services => services.AddOutputCache(o => o.AddBasePolicy(p => p.Cache())));

        using var response = await app.Client.GetAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Private);
        Assert.False(cacheControl.Public);
        Assert.Null(cacheControl.SharedMaxAge);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        Assert.False(cachedStorage);
    }

    [Fact]
    public async Task Rewrite_NoStoreSetByApp_KeptAsIs()
    {
        await using var app = await StartAsync(configure: web => web.Use((context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return next(context);
        }));

        using var response = await app.Client.GetAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Rewrite_NoCioId_LeavesCacheHeaders()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.CacheControl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<TestApp> StartAsync(
        Dictionary<string, string?>? extra = null,
        string? signedInCioId = null,
        Action<WebApplication>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = LinkRewritingTests.DomainSettings();
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return TestApp.StartAsync(
            web =>
            {
                if (signedInCioId is not null)
                {
                    web.Use((context, next) =>
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("cio_id", signedInCioId)], "Test"));
                        return next(context);
                    });
                }

                if (services is not null)
                {
                    web.UseOutputCache();
                }

                configure?.Invoke(web);
                web.Run(context =>
                {
                    context.Response.ContentType = "text/html";
                    return context.Response.WriteAsync(Page);
                });
            },
            settings,
            services);
    }
}
