using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>A file served by the static file middleware, which the package rewrites like any other page.</summary>
public sealed class StaticPageTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    [Fact]
    public async Task StaticPage_Loads_HasLoaderAndTracker()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/static.html", async () =>
        {
            await LoaderChecks.AssertSingleAsync(session, LoaderChecks.LoaderSelector);
            await LoaderChecks.AssertStubMethodsAsync(session);
            await LoaderChecks.AssertTrackerAsync(session, server, LoaderChecks.UsScriptUrl);
        });
    }
}
