namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// Checks of the Customer.io loader's contract in a loaded page: the <c>window._cio</c> queue with its stub
/// methods, and the <c>script#cio-tracker</c> element. track.js itself never loads, because its request is aborted.
/// </summary>
public static class LoaderChecks
{
    /// <summary>track.js for workspaces in the US region.</summary>
    public const string UsScriptUrl = "https://assets.customer.io/assets/track.js";

    /// <summary>track.js for workspaces in the EU region.</summary>
    public const string EuScriptUrl = "https://assets.customer.io/assets/track-eu.js";

    /// <summary>The loader's script element, marked with <c>data-cio-loader</c> so that no second one is written.</summary>
    public const string LoaderSelector = "script[data-cio-loader]";

    /// <summary>The element that the loader adds to fetch track.js.</summary>
    public const string TrackerSelector = "script#cio-tracker";

    /// <summary>The stub methods that the Customer.io snippet defines before track.js loads.</summary>
    public static readonly string[] StubMethods = ["load", "identify", "sidentify", "track", "page", "on", "off"];

    /// <summary>Asserts that <c>window._cio</c> is an array with every stub method as a function.</summary>
    public static async Task AssertStubMethodsAsync(PageSession session)
    {
        Assert.True(await session.EvaluateAsync<bool>("() => Array.isArray(window._cio)"), "window._cio is not an array.");

        var expected = StubMethods.ToDictionary(method => method, _ => "function");
        var actual = new Dictionary<string, string>();
        foreach (var method in StubMethods)
        {
            actual[method] = await session.EvaluateAsync<string>("name => typeof window._cio[name]", method);
        }

        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Asserts that the page has exactly one tracker element, async, with the server's configured attributes and
    /// <paramref name="expectedScriptUrl"/> as its <c>src</c>.
    /// </summary>
    public static async Task AssertTrackerAsync(PageSession session, SampleAppServer server, string expectedScriptUrl)
    {
        await AssertSingleAsync(session, TrackerSelector);

        var tracker = session.Page.Locator(TrackerSelector);
        Assert.Equal(server.GetRequiredSetting("Cio:SiteId"), await tracker.GetAttributeAsync("data-site-id"));
        Assert.Equal(FlagValue(server, "Cio:UseArrayParams"), await tracker.GetAttributeAsync("data-use-array-params"));
        Assert.Equal(FlagValue(server, "Cio:AutoTrackPage"), await tracker.GetAttributeAsync("data-auto-track-page"));
        Assert.Equal(FlagValue(server, "Cio:UseInApp"), await tracker.GetAttributeAsync("data-use-in-app"));
        Assert.Equal(expectedScriptUrl, await tracker.GetAttributeAsync("src"));
        Assert.True(await tracker.EvaluateAsync<bool>("element => element.async"), "The tracker is not async.");
    }

    /// <summary>
    /// Asserts that exactly one element matches <paramref name="selector"/>. A failure lists the matches' HTML.
    /// </summary>
    public static async Task AssertSingleAsync(PageSession session, string selector)
    {
        var matches = await session.Page.Locator(selector).EvaluateAllAsync<string[]>(
            "elements => elements.map(element => element.outerHTML)");
        Assert.Single(matches);
    }

    /// <summary>
    /// Asserts that the page threw no uncaught error and logged no console error, except the network error of the
    /// aborted request for <paramref name="scriptUrl"/>.
    /// </summary>
    public static void AssertNoErrors(PageSession session, string scriptUrl)
    {
        Assert.Empty(session.PageErrors);

        var unexpected = session.ConsoleErrors
            .Where(message => !message.Location.StartsWith(scriptUrl + ":", StringComparison.Ordinal))
            .Select(message => $"{message.Text} (at {message.Location})");
        Assert.Empty(unexpected);
    }

    /// <summary>Returns the attribute value, <c>true</c> or <c>false</c>, that a boolean setting should produce.</summary>
    private static string FlagValue(SampleAppServer server, string key) =>
        bool.Parse(server.GetRequiredSetting(key)) ? "true" : "false";
}
