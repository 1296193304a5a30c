using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>
/// The sample's strict, nonce-based Content-Security-Policy in Chromium: no page reports a violation, and every
/// inline script, the package's and the sample's own, carries the nonce of its response's header.
/// </summary>
public sealed class ContentSecurityPolicyTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/static.html")]
    [InlineData("/Home/Explicit")]
    [InlineData("/Privacy")]
    [InlineData("/minimal")]
    [InlineData("/Shop/Product")]
    public async Task SamplePage_StrictCsp_HasNoViolations(string path)
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync(path, async () =>
        {
            await AssertPageAsync(session);
            await LoaderChecks.AssertStubMethodsAsync(session);
            await LoaderChecks.AssertSingleAsync(session, LoaderChecks.TrackerSelector);
        });
    }

    [Fact]
    public async Task ThankYouPage_AfterPurchase_HasNoViolations()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Shop/Product", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#purchase");

            await AssertPageAsync(session);
            Assert.Single(await CioQueue.FindAsync(session, "track", "purchased"));
        });
    }

    [Fact]
    public async Task SignedInPages_StrictCsp_HaveNoViolations()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Account/SignIn", async () =>
        {
            await AssertPageAsync(session);

            await session.ClickAndWaitForLoadAsync("#sign-in-ada");
            await AssertPageAsync(session);
            Assert.Single(await CioQueue.FindAsync(session, "identify"));

            await session.Page.GotoAsync("/Shop/Product");
            await session.ClickAndWaitForLoadAsync("#add-to-cart");
            await AssertPageAsync(session);
            Assert.Single(await CioQueue.FindAsync(session, "track", "addedToCart"));

            // The reset script waits for _cio.reset, so a stand-in shows that the script runs under the policy.
            await session.ClickAndWaitForLoadAsync("#sign-out");
            await AssertPageAsync(session);
            await session.EvaluateAsync<object>("() => { window._cio.reset = () => { window.__resetCalls = 1; }; }");
            await session.Page.WaitForFunctionAsync("() => window.__resetCalls === 1");
        });
    }

    [Fact]
    public async Task InlineHandler_StrictCsp_IsBlocked()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/", async () =>
        {
            // An injected attribute handler is what the policy must stop. A script element that a script creates is
            // not a fit test: 'strict-dynamic' trusts it, as it trusts the loader's track.js element.
            await session.EvaluateAsync<object>("""
                () => {
                    document.body.setAttribute("onclick", "window.__inlineHandler = 1");
                    document.body.click();
                }
                """);

            await WaitForViolationAsync(session);
            Assert.Equal(["script-src-attr inline"], session.CspViolations);
            Assert.Equal("undefined", await session.EvaluateAsync<string>("() => typeof window.__inlineHandler"));
        });
    }

    private static async Task AssertPageAsync(PageSession session)
    {
        CspChecks.AssertNoViolations(session);
        await CspChecks.AssertInlineScriptsCarryNonceAsync(session);
        LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
    }

    // The page reports a violation to the test through an exposed function, whose call arrives a little later.
    private static async Task WaitForViolationAsync(PageSession session)
    {
        for (var attempt = 0; attempt < 50 && session.CspViolations.Count == 0; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
