using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>/Home/Explicit, whose layout places the loader with <c>&lt;cio-snippet /&gt;</c> at the top of body.</summary>
public sealed class ExplicitPageTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    private const string Path = "/Home/Explicit";

    [Fact]
    public async Task ExplicitPage_Loads_HasOneLoaderAndTracker()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, async () =>
        {
            await LoaderChecks.AssertSingleAsync(session, LoaderChecks.LoaderSelector);
            await LoaderChecks.AssertStubMethodsAsync(session);
            await LoaderChecks.AssertTrackerAsync(session, server, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task ExplicitPage_Loads_KeepsLoaderAtSnippetTag()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, async () =>
        {
            // In _SnippetLayout.cshtml, <cio-snippet /> is right before <main>, not before </body>.
            var next = await session.EvaluateAsync<string?>(
                "selector => document.querySelector(selector)?.nextElementSibling?.tagName ?? null",
                LoaderChecks.LoaderSelector);
            Assert.Equal("MAIN", next);
        });
    }
}
