using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>The sample started with <c>--Cio:Privacy:RequireConsent=true</c>: no tracking until Accept.</summary>
public sealed class ConsentBannerTests(ChromiumFixture chromium, ConsentSampleAppServer server)
    : IClassFixture<ConsentSampleAppServer>
{
    [Fact]
    public async Task ConsentBanner_BeforeAccept_PageHasNoLoader()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/", async () =>
        {
            Assert.True(await session.Page.Locator("#consent-banner").IsVisibleAsync(), "The consent banner is hidden.");
            Assert.Equal("undefined", await session.EvaluateAsync<string>("() => typeof window._cio"));
            Assert.Equal(0, await session.Page.Locator(LoaderChecks.LoaderSelector).CountAsync());
            Assert.Empty(session.AbortedRequests);
        });
    }

    [Fact]
    public async Task ConsentBanner_Accept_LoadsSnippetOnReturnedPage()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Privacy", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#accept-tracking");

            Assert.EndsWith("/Privacy", session.Page.Url, StringComparison.Ordinal);
            Assert.Equal(0, await session.Page.Locator("#consent-banner").CountAsync());
            await LoaderChecks.AssertStubMethodsAsync(session);
            await LoaderChecks.AssertTrackerAsync(session, server, LoaderChecks.UsScriptUrl);
            CspChecks.AssertNoViolations(session);
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }
}
