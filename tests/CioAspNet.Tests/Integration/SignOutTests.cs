using System.Net;
using System.Security.Claims;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.Tests.Integration;

public sealed class SignOutTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<TestApp> StartAsync(Action<CookieAuthenticationOptions>? configure = null) => TestAppCalls.StartAsync(
        web =>
        {
            web.MapGet("/signin", async (HttpContext context) =>
            {
                var identity = new ClaimsIdentity([new Claim("sub", "1")], CookieAuthenticationDefaults.AuthenticationScheme);
                await context.SignInAsync(new ClaimsPrincipal(identity));
                return Results.Redirect("/page");
            });
            web.MapGet("/signout", async (HttpContext context) =>
            {
                await context.SignOutAsync();
                return Results.Redirect("/page");
            });
            web.MapGet("/page", () => Results.Content(TestAppCalls.Page, "text/html"));
        },
        services: services => services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options => configure?.Invoke(options)),
        beforeMap: web => web.UseAuthentication());

    [Fact]
    public async Task SignOut_CookieAuthentication_NextPageResets()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);
        await client.GetAsync("/signin", Cancel);

        await client.GetAsync("/signout", Cancel);
        var page = await client.GetStringAsync("/page", Cancel);
        var again = await client.GetStringAsync("/page", Cancel);

        var script = Assert.Single(CioScripts.Scripts(page), s => s.TextContent.Contains("reset", StringComparison.Ordinal));
        Assert.Contains("typeof window._cio.reset !== \"function\"", script.TextContent, StringComparison.Ordinal);
        Assert.Contains("window._cio.reset();", script.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("reset", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_AppOnSigningOut_StillRuns()
    {
        var appHandlerRan = false;
        await using var app = await StartAsync(options => options.Events.OnSigningOut = _ =>
        {
            appHandlerRan = true;
            return Task.CompletedTask;
        });
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);
        await client.GetAsync("/signin", Cancel);

        await client.GetAsync("/signout", Cancel);
        var page = await client.GetStringAsync("/page", Cancel);

        Assert.True(appHandlerRan);
        Assert.Contains("window._cio.reset();", page, StringComparison.Ordinal);
    }
}
