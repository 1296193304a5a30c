using System.Text.Json.Nodes;
using CioAspNet.BrowserTests.Support;
using CioAspNet.BrowserTests.TestSite;

namespace CioAspNet.BrowserTests;

/// <summary>
/// Values that would break an inline script, sent through claims, <c>&lt;cio-identify attr-*&gt;</c>,
/// <c>&lt;cio-track&gt;</c>, <c>&lt;cio-page&gt;</c> and the server-side queue, checked in Chromium. The browser
/// context bypasses the sample's Content-Security-Policy, so that a value which escaped its script would run.
/// </summary>
public sealed class HostileValueTests(ChromiumFixture chromium, HostileValuesSampleAppServer server)
    : IClassFixture<HostileValuesSampleAppServer>
{
    private const string SignInPath = "/HostileValues/SignIn";

    [Theory]
    [InlineData("hostileView")]
    [InlineData("hostileCarried")]
    [InlineData("hostileQueued")]
    public async Task TrackData_HostileValues_ReachQueueUnchanged(string eventName)
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress, bypassCsp: true);

        await session.RunAsync(SignInPath, async () =>
        {
            var call = Assert.Single(await CioQueue.FindAsync(session, "track", eventName));

            AssertData(HostileValues.Data, call[2]!.AsObject());
            await AssertNothingInjectedAsync(session);
        });
    }

    [Fact]
    public async Task PageCall_HostileValues_ReachQueueUnchanged()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress, bypassCsp: true);

        await session.RunAsync(SignInPath, async () =>
        {
            var call = Assert.Single(await CioQueue.FindAsync(session, "page"));

            Assert.Equal(HostileValues.All, CioQueue.StringOf(call[1]));
            AssertData(HostileValues.Data, call[2]!.AsObject());
            await AssertNothingInjectedAsync(session);
        });
    }

    [Fact]
    public async Task IdentifyTag_HostileValues_ReachQueueUnchanged()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress, bypassCsp: true);

        await session.RunAsync(SignInPath, async () =>
        {
            var payload = await FindIdentifyAsync(session, "tag");

            AssertData(
                new Dictionary<string, string>
                {
                    ["id"] = HostileValues.All,
                    ["email"] = HostileValues.ScriptBreakout,
                    ["first_name"] = HostileValuesController.FirstName,
                    ["last_name"] = HostileValuesController.LastName,
                    [HostileValuesController.PlanClaimType] = HostileValues.All,
                    ["source"] = "tag",
                    ["note"] = HostileValues.All,
                    ["breakout"] = HostileValues.ScriptBreakout,
                },
                payload);
            await AssertNothingInjectedAsync(session);
        });
    }

    [Fact]
    public async Task IdentifyQueued_HostileValues_ReachQueueUnchanged()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress, bypassCsp: true);

        await session.RunAsync(SignInPath, async () =>
        {
            var payload = await FindIdentifyAsync(session, "queue");

            var expected = new Dictionary<string, string> { ["id"] = HostileValues.All };
            foreach (var (name, value) in HostileValues.Data)
            {
                expected[name] = value;
            }

            expected["source"] = "queue";
            AssertData(expected, payload);
            await AssertNothingInjectedAsync(session);
        });
    }

    [Fact]
    public async Task HostilePage_Loads_RunsOnlyEmittedScripts()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress, bypassCsp: true);

        await session.RunAsync(SignInPath, async () =>
        {
            Assert.EndsWith("/HostileValues", session.Page.Url, StringComparison.Ordinal);
            Assert.Equal(
                ["identify", "track:hostileView", "page", "track:hostileCarried", "track:hostileQueued", "identify"],
                Describe(await CioQueue.ReadAsync(session)));
            await LoaderChecks.AssertStubMethodsAsync(session);
            await AssertNothingInjectedAsync(session);
        });
    }

    private static async Task<JsonObject> FindIdentifyAsync(PageSession session, string source)
    {
        var calls = await CioQueue.FindAsync(session, "identify");
        var call = Assert.Single(calls, call => call[1]?["source"]?.GetValue<string>() == source);
        Assert.Equal(2, call.Count);
        return call[1]!.AsObject();
    }

    // Compares each property on its own, so that a failure names the value that changed.
    private static void AssertData(IReadOnlyDictionary<string, string> expected, JsonObject actual)
    {
        Assert.Equal(
            expected.Keys.Order(StringComparer.Ordinal),
            actual.Select(property => property.Key).Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(
                value == CioQueue.StringOf(actual[name]),
                $"Property '{name}' changed: expected {Escape(value)}, got {Escape(CioQueue.StringOf(actual[name]))}.");
        }
    }

    private static async Task AssertNothingInjectedAsync(PageSession session)
    {
        Assert.Equal("undefined", await session.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(
            0,
            await session.EvaluateAsync<int>(
                "() => [...document.scripts].filter(script => script.textContent.trim() === 'window.__xss=1').length"));
        LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
    }

    private static List<string> Describe(IEnumerable<JsonArray> calls) => calls.Select(Describe).ToList();

    // Names a call by its method, and a track call by its event too, such as "track:hostileView".
    private static string Describe(JsonArray call)
    {
        var method = CioQueue.StringOf(call[0]);
        return method == "track" ? $"track:{CioQueue.StringOf(call[1])}" : method;
    }

    // Shows control and separator characters as \uXXXX, so that the failure message is readable.
    private static string Escape(string value) => JsonValue.Create(value).ToJsonString();
}
