using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>The home page, an MVC view that gets the loader from the middleware.</summary>
public sealed class HomePageTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    private const string Path = "/";

    [Fact]
    public async Task HomePage_Loads_DefinesStubMethods()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, () => LoaderChecks.AssertStubMethodsAsync(session));
    }

    [Fact]
    public async Task HomePage_Loads_HasOneConfiguredTracker()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, async () =>
        {
            await LoaderChecks.AssertSingleAsync(session, LoaderChecks.LoaderSelector);
            await LoaderChecks.AssertTrackerAsync(session, server, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task HomePage_Loads_PutsTrackerBeforeFirstScript()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, async () =>
        {
            // The page's own inline script comes before the loader, so "first script" is not the loader itself.
            Assert.Equal("cio-tracker", await session.EvaluateAsync<string>("() => document.scripts[0].id"));
        });
    }

    [Fact]
    public async Task HomePage_StubCalls_QueueOnCioArray()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, async () =>
        {
            var queued = await session.EvaluateAsync<string>("""
                () => {
                    if (!Array.isArray(window._cio)) {
                        return "window._cio is " + typeof window._cio;
                    }

                    const start = window._cio.length;
                    window._cio.identify({ id: "person-1", email: "person-1@example.com" });
                    window._cio.track("purchase", { items: ["a", "b"] });
                    window._cio.page("Checkout");
                    return JSON.stringify(window._cio.slice(start));
                }
                """);

            Assert.Equal(
                """[["identify",{"id":"person-1","email":"person-1@example.com"}],""" +
                """["track","purchase",{"items":["a","b"]}],["page","Checkout"]]""",
                queued);
        });
    }

    [Fact]
    public async Task HomePage_Loads_AbortsOnlyTrackJsRequest()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, () =>
        {
            Assert.Equal([LoaderChecks.UsScriptUrl], session.AbortedRequests);
            return Task.CompletedTask;
        });
    }
}
