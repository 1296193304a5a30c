using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>Every page of the sample loads without script errors, apart from the aborted track.js request.</summary>
public sealed class PageErrorTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/static.html")]
    [InlineData("/Home/Explicit")]
    public async Task Page_Loads_HasNoErrors(string path)
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(path, () =>
        {
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
            return Task.CompletedTask;
        });
    }
}
