using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>Links to the sample's sister site carry the visitor's <c>_cio_id</c>; other links do not.</summary>
public sealed class LinkTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    private const string CioId = "a1b2c3d4e5f60718";

    [Fact]
    public async Task SisterLinks_AfterTrackedVisit_CarryCioIdOnNextPage()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync($"/Privacy?_cio_id={CioId}", () => Task.CompletedTask);
        await session.RunAsync("/", async () =>
        {
            Assert.Equal(
                $"https://docs.sister-site.example/guide?topic=setup&_cio_id={CioId}#start",
                await HrefAsync(session, "sister-docs"));
            Assert.Equal($"https://shop.sister-site.example/?_cio_id={CioId}", await HrefAsync(session, "sister-shop"));
            Assert.Equal("https://unrelated.example.net/", await HrefAsync(session, "unrelated"));
            Assert.Equal("https://docs.sister-site.example/private", await HrefAsync(session, "opted-out"));
        });
    }

    [Fact]
    public async Task SisterLinks_WithoutCioId_StayUnchanged()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/", async () =>
        {
            Assert.Equal(
                "https://docs.sister-site.example/guide?topic=setup#start", await HrefAsync(session, "sister-docs"));
            Assert.Equal("https://shop.sister-site.example/", await HrefAsync(session, "sister-shop"));
        });
    }

    [Fact]
    public async Task SisterLinks_HostileCioId_ChangesNothing()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/?_cio_id=%22%3E%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E", async () =>
        {
            Assert.Equal("https://shop.sister-site.example/", await HrefAsync(session, "sister-shop"));
            Assert.True(await session.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"));
            Assert.Empty(await session.Page.Context.CookiesAsync());
        });
    }

    private static Task<string> HrefAsync(PageSession session, string id) =>
        session.EvaluateAsync<string>("id => document.getElementById(id).getAttribute('href')", id);
}
