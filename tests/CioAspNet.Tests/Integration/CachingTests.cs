using System.Net;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.Tests.Integration;

public sealed class CachingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string RawCacheControl(HttpResponseMessage response) =>
        string.Join(", ", response.Headers.NonValidated["Cache-Control"]);

    private static IResult Page(int count) =>
        Results.Content($"<html><body><p id=\"count\">{count}</p></body></html>", "text/html");

    [Theory]
    [InlineData(null, "private")]
    [InlineData("public, max-age=60", "max-age=60, private")]
    [InlineData("no-store", "no-store")]
    [InlineData("no-cache, no-store, must-revalidate", "no-cache, no-store, must-revalidate")]
    public async Task Queue_Calls_MakeCacheControlPrivate(string? appValue, string expected)
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/page", (HttpContext context, ICioCalls cio) =>
        {
            cio.Track("viewed");
            if (appValue is not null)
            {
                // Set after queuing, as a [ResponseCache] filter does; the first-write decision still wins.
                context.Response.Headers.CacheControl = appValue;
            }

            return Page(1);
        }));

        var response = await app.Client.GetAsync("/page", Cancel);

        Assert.Equal(expected, RawCacheControl(response));
    }

    [Fact]
    public async Task Queue_ResponseWithoutCalls_KeepsAppCacheControl()
    {
        await using var app = await TestAppCalls.StartAsync(web => web.MapGet("/page", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=60";
            return Page(1);
        }));

        var response = await app.Client.GetAsync("/page", Cancel);

        Assert.Equal("public, max-age=60", RawCacheControl(response));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Queue_OutputCache_SkipsResponsesWithCalls(bool queueCall, bool expectCached)
    {
        var count = 0;
        await using var app = await TestAppCalls.StartAsync(
            web => web.MapGet("/page", (ICioCalls cio) =>
            {
                count++;
                if (queueCall)
                {
                    cio.Track("viewed", new { count });
                }

                return Page(count);
            }).CacheOutput(policy => policy.Expire(TimeSpan.FromMinutes(5))),
            services: services => services.AddOutputCache(),
            beforeMap: web => web.UseOutputCache());
        var cookies = new CookieContainer();
        var client = app.CreateCookieClient(cookies);

        var first = await client.GetStringAsync("/page", Cancel);
        var second = await client.GetStringAsync("/page", Cancel);

        Assert.Equal(expectCached, first == second);
        Assert.Equal(expectCached ? 1 : 2, count);
    }
}
