using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Privacy;

public sealed class TrackingGateTests
{
    private const string Page = "<html><body><a href=\"https://docs.example.com/\">d</a></body></html>";

    [Theory]
    [InlineData(null, true)]
    [InlineData("1", false)]
    [InlineData(" 1 ", false)]
    [InlineData("0", true)]
    public async Task GlobalPrivacyControl_Signal_WithholdsTracking(string? signal, bool tracked)
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page?_cio_id=a1b2c3");
        if (signal is not null)
        {
            request.Headers.Add("Sec-GPC", signal);
        }

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(tracked, html.Contains("data-cio-loader", StringComparison.Ordinal));
        Assert.Equal(tracked, html.Contains("_cio_id=a1b2c3", StringComparison.Ordinal));
        Assert.Equal(tracked, response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task GlobalPrivacyControl_NotHonored_StillTracks()
    {
        await using var app = await StartAsync(new() { ["Cio:Privacy:HonorGlobalPrivacyControl"] = "false" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        request.Headers.Add("Sec-GPC", "1");

        var html = await (await app.Client.SendAsync(request, TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("data-cio-loader", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GlobalPrivacyControl_Signal_LogsReasonAtDebug()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        request.Headers.Add("Sec-GPC", "1");

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var record = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Name == "ResponseSkipped");
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Contains("Sec-GPC: 1", record.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task RequireConsent_ConsentCookie_DecidesTracking(bool consented, bool tracked)
    {
        await using var app = await StartAsync(new() { ["Cio:Privacy:RequireConsent"] = "true" }, cookiePolicy: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page?_cio_id=a1b2c3");
        if (consented)
        {
            request.Headers.Add("Cookie", ".AspNet.Consent=yes");
        }

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(tracked, html.Contains("data-cio-loader", StringComparison.Ordinal));
        Assert.Equal(tracked, html.Contains("_cio_id=a1b2c3", StringComparison.Ordinal));
        Assert.Equal(tracked, response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task RequireConsent_WithoutCookiePolicy_WithholdsAndWarnsOnce()
    {
        await using var app = await StartAsync(new() { ["Cio:Privacy:RequireConsent"] = "true" });

        var first = await app.Client.GetStringAsync("/page", TestContext.Current.CancellationToken);
        await app.Client.GetStringAsync("/page", TestContext.Current.CancellationToken);

        Assert.Equal(Page, first);
        var warning = Assert.Single(app.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("ConsentFeatureMissing", warning.Id.Name);
        Assert.Contains("app.UseCookiePolicy()", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableCio_MinimalEndpoint_PassesThrough()
    {
        await using var app = await StartAsync();

        var optedOut = await app.Client.GetStringAsync("/opted-out?_cio_id=a1b2c3", TestContext.Current.CancellationToken);
        var plain = await app.Client.GetStringAsync("/page", TestContext.Current.CancellationToken);

        Assert.Equal(Page, optedOut);
        Assert.Contains("data-cio-loader", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableCio_EndpointGroup_PassesThrough()
    {
        await using var app = await StartAsync();

        var html = await app.Client.GetStringAsync("/quiet/page", TestContext.Current.CancellationToken);

        Assert.Equal(Page, html);
    }

    private static Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null, bool cookiePolicy = false)
    {
        settings ??= [];
        settings["Cio:Links:Domains:0"] = "docs.example.com";
        return TestApp.StartAsync(
            web =>
            {
                if (cookiePolicy)
                {
                    web.UseCookiePolicy();
                }

                web.MapGet("/page", WritePage);
                web.MapGet("/opted-out", WritePage).DisableCio();
                web.MapGroup("/quiet").DisableCio().MapGet("/page", WritePage);
            },
            settings,
            services => services.Configure<CookiePolicyOptions>(options => options.CheckConsentNeeded = _ => true));
    }

    private static Task WritePage(HttpContext context)
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(Page);
    }
}
