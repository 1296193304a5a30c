using System.Net;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Integration;

public sealed class CarryOverTests
{
    private const string CookieName = ".CioAspNet.Calls";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null) => TestAppCalls.StartAsync(web =>
    {
        web.MapPost("/buy", (ICioCalls cio) =>
        {
            cio.Track("purchased", new { price = "23.45", items = new[] { new { sku = "a", quantity = 2 }, new { sku = "b", quantity = 1 } } });
            return Results.Redirect("/hop");
        });
        web.MapGet("/hop", (ICioCalls cio) =>
        {
            cio.Track("hopped");
            return Results.Redirect("/thanks");
        });
        web.MapGet("/thanks", () => Results.Content(TestAppCalls.Page, "text/html"));
        web.MapGet("/site.css", () => Results.Text("body{}", "text/css"));
        web.MapGet("/api", () => Results.Json(new { ok = true }));
        web.MapGet("/admin/go", (ICioCalls cio) =>
        {
            cio.Track("fromExcluded");
            return Results.Redirect("/thanks");
        });
    }, settings: settings);

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    [Fact]
    public async Task CarryOver_TwoRedirects_EmitsBothOnce()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);

        var buy = await client.PostAsync("/buy", null, Cancel);
        var hop = await client.GetAsync(buy.Headers.Location, Cancel);
        var first = await GetPageAsync(client, hop.Headers.Location!.ToString());
        var second = await GetPageAsync(client, "/thanks");

        Assert.Equal(HttpStatusCode.Redirect, buy.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hop.StatusCode);
        Assert.Equal(["track:purchased", "track:hopped"], CioScripts.Describe(CioScripts.Calls(first)));
        Assert.Empty(CioScripts.Calls(second));
    }

    [Fact]
    public async Task CarryOver_PurchasedEvent_KeepsArrayAndValues()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);

        await client.PostAsync("/buy", null, Cancel);
        var page = await GetPageAsync(client, "/thanks");

        var purchased = CioScripts.Calls(page)[0];
        Assert.Equal("""{"price":"23.45","items":[{"sku":"a","quantity":2},{"sku":"b","quantity":1}]}""",
            purchased[2].GetRawText());
    }

    [Fact]
    public async Task CarryOver_Redirect_SetsPrivateProtectedCookie()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/buy", null, Cancel);

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(CookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("purchased", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Equal("private", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task CarryOver_AssetsBetween_LeaveCookie()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);

        await client.PostAsync("/buy", null, Cancel);
        var css = await client.GetAsync("/site.css", Cancel);
        var json = await client.GetAsync("/api", Cancel);
        var page = await GetPageAsync(client, "/thanks");

        Assert.False(css.Headers.Contains("Set-Cookie"));
        Assert.False(json.Headers.Contains("Set-Cookie"));
        Assert.Equal(["track:purchased"], CioScripts.Describe(CioScripts.Calls(page)));
    }

    [Fact]
    public async Task CarryOver_FetchOfHtml_LeavesCookie()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);
        await client.PostAsync("/buy", null, Cancel);

        using var fetch = new HttpRequestMessage(HttpMethod.Get, "/thanks");
        fetch.Headers.Add("Sec-Fetch-Dest", "empty");
        var fragment = await (await client.SendAsync(fetch, Cancel)).Content.ReadAsStringAsync(Cancel);
        using var navigation = new HttpRequestMessage(HttpMethod.Get, "/thanks");
        navigation.Headers.Add("Sec-Fetch-Dest", "document");
        var page = await (await client.SendAsync(navigation, Cancel)).Content.ReadAsStringAsync(Cancel);

        Assert.Empty(CioScripts.Calls(fragment));
        Assert.Equal(["track:purchased"], CioScripts.Describe(CioScripts.Calls(page)));
    }

    [Fact]
    public async Task CarryOver_Page_DeletesCookie()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);
        await client.PostAsync("/buy", null, Cancel);

        var response = await client.GetAsync("/thanks", Cancel);

        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal("private", response.Headers.CacheControl!.ToString());
        Assert.DoesNotContain(cookies.GetCookies(new Uri("http://localhost/")), c => c.Name == CookieName);
    }

    [Fact]
    public async Task CarryOver_TamperedCookie_IgnoredWithWarning()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);
        await client.PostAsync("/buy", null, Cancel);
        var cookie = cookies.GetCookies(new Uri("http://localhost/"))[CookieName]!;
        var value = cookie.Value.ToCharArray();
        value[20] = value[20] == 'x' ? 'y' : 'x';
        cookie.Value = new string(value);

        var response = await client.GetAsync("/thanks", Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Empty(CioScripts.Calls(page));
        var warning = Assert.Single(app.LogsWithId(31));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(CookieName, warning.Message, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarryOver_TamperedThenRedirect_KeepsNewCalls()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);
        cookies.Add(new Uri("http://localhost/"), new Cookie(CookieName, "CfDJ8tampered"));

        await client.GetAsync("/hop", Cancel);
        var page = await GetPageAsync(client, "/thanks");

        Assert.Equal(["track:hopped"], CioScripts.Describe(CioScripts.Calls(page)));
        Assert.Single(app.LogsWithId(31));
    }

    [Fact]
    public async Task CarryOver_ExcludedPathRedirect_CarriesCalls()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Cio:ExcludedPaths:0"] = "/admin" });
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);

        await client.GetAsync("/admin/go", Cancel);
        var page = await GetPageAsync(client, "/thanks");

        Assert.Equal(["track:fromExcluded"], CioScripts.Describe(CioScripts.Calls(page)));
    }

    [Fact]
    public async Task CarryOver_ConfiguredCookieName_IsUsed()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Cio:Calls:CookieName"] = "cio_calls" });

        var response = await app.Client.PostAsync("/buy", null, Cancel);

        Assert.StartsWith("cio_calls=", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }
}
