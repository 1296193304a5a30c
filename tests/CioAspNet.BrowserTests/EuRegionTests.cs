using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>The sample started with <c>Cio:Region=Eu</c> and other overrides.</summary>
public sealed class EuRegionTests(ChromiumFixture chromium, EuSampleAppServer server)
{
    private const string Path = "/";

    [Fact]
    public async Task EuRegion_HomePage_AbortsOnlyTrackEuJsRequest()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, () =>
        {
            Assert.Equal([LoaderChecks.EuScriptUrl], session.AbortedRequests);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task EuRegion_HomePage_TrackerFollowsOverrides()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, async () =>
        {
            await LoaderChecks.AssertSingleAsync(session, LoaderChecks.LoaderSelector);
            await LoaderChecks.AssertStubMethodsAsync(session);
            await LoaderChecks.AssertTrackerAsync(session, server, LoaderChecks.EuScriptUrl);
        });
    }

    [Fact]
    public async Task EuRegion_HomePage_HasNoErrors()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(Path, () =>
        {
            LoaderChecks.AssertNoErrors(session, LoaderChecks.EuScriptUrl);
            return Task.CompletedTask;
        });
    }
}
