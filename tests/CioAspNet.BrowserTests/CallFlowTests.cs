using System.Text.Json.Nodes;
using CioAspNet.BrowserTests.Support;

namespace CioAspNet.BrowserTests;

/// <summary>
/// The sample's sign-in, shop and sign-out flows in Chromium, checked through the calls that reach
/// <c>window._cio</c>.
/// </summary>
public sealed class CallFlowTests(ChromiumFixture chromium, UsSampleAppServer server)
{
    // The demo people of sample-mvc/Models/DemoPerson.cs. Grace's created_at claim, 2024-03-05T09:30:00Z, is sent in
    // Unix seconds like Ada's.
    public static TheoryData<string, string> People => new()
    {
        {
            "sign-in-ada",
            """{"id":"ada-1815","email":"ada@example.com","created_at":1700000000,"first_name":"Ada","last_name":"Lovelace","plan":"pro"}"""
        },
        {
            "sign-in-grace",
            """{"id":"grace-1906","email":"grace@example.com","created_at":1709631000,"first_name":"Grace","last_name":"Hopper","plan":"free"}"""
        },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task SignIn_NextPage_QueuesIdentifyOfPerson(string button, string expectedPayload)
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Account/SignIn", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#" + button);

            var call = Assert.Single(await CioQueue.ReadAsync(session));
            Assert.Equal(2, call.Count);
            Assert.Equal("identify", CioQueue.StringOf(call[0]));
            Assert.Equal(expectedPayload, call[1]!.ToJsonString());
            Assert.Equal("number", await session.EvaluateAsync<string>("() => typeof window._cio[0][1].created_at"));
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task Purchase_AfterRedirect_QueuesPurchasedOnce()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Shop/Product", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#purchase");

            Assert.EndsWith("/Shop/ThankYou", session.Page.Url, StringComparison.Ordinal);
            var call = Assert.Single(await CioQueue.ReadAsync(session));
            Assert.Equal(
                """["track","purchased",{"price":"23.45","items":[{"sku":"book-ae-1843","name":"Notes on the Analytical Engine","quantity":1}]}]""",
                call.ToJsonString());
            Assert.True(
                await session.EvaluateAsync<bool>("() => Array.isArray(window._cio[0][2].items)"),
                "The items of the purchased event are not an array in the page.");
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task Purchase_ReloadedThankYou_QueuesNothing()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Shop/Product", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#purchase");
            Assert.Single(await CioQueue.FindAsync(session, "track", "purchased"));

            await session.ReloadAsync();

            Assert.EndsWith("/Shop/ThankYou", session.Page.Url, StringComparison.Ordinal);
            Assert.Empty(await CioQueue.ReadAsync(session));
            await LoaderChecks.AssertStubMethodsAsync(session);
        });
    }

    [Fact]
    public async Task SignOut_NextPage_RunsResetOnceWithoutIdentify()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Account/SignIn", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#sign-in-ada");
            Assert.Single(await CioQueue.FindAsync(session, "identify"));

            await session.ClickAndWaitForLoadAsync("#sign-out");

            Assert.Empty(await CioQueue.FindAsync(session, "identify"));
            Assert.Equal(1, await session.Page.Locator("#sign-in").CountAsync());

            // _cio.reset exists only once track.js has loaded, which never happens here, so the reset still waits.
            Assert.Equal("undefined", await session.EvaluateAsync<string>("() => typeof window.__resetCalls"));
            await session.EvaluateAsync<object>(
                "() => { window._cio.reset = () => { window.__resetCalls = (window.__resetCalls || 0) + 1; }; }");
            await session.Page.WaitForFunctionAsync("() => window.__resetCalls === 1");

            // The script polls every 100 ms; after several more intervals it must not have called reset again.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            Assert.Equal(1, await session.EvaluateAsync<int>("() => window.__resetCalls"));
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task AddToCart_Anonymous_QueuesTrackBeforeSignIn()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/Shop/Product", async () =>
        {
            await session.ClickAndWaitForLoadAsync("#add-to-cart");

            Assert.Equal(1, await session.Page.Locator("#sign-in").CountAsync());
            var call = Assert.Single(await CioQueue.ReadAsync(session));
            Assert.Equal(
                """["track","addedToCart",{"sku":"book-ae-1843","price":"23.45","tags":["books","history"]},{"useArrayParams":true}]""",
                call.ToJsonString());
            Assert.IsType<JsonArray>(call[2]!["tags"]);
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }
}
