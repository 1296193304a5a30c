using CioAspNet.BrowserTests.Support;
using Microsoft.Playwright;

namespace CioAspNet.BrowserTests;

/// <summary>
/// The Razor components sample with <c>Cio:TrackEnhancedNavigation</c>: blazor.web.js turns link clicks into
/// enhanced navigation, and the package's script pushes one page call for each.
/// </summary>
public sealed class EnhancedNavigationTests(ChromiumFixture chromium, ComponentsAppServer server)
{
    private const string HeadingSelector = "#page-heading";
    private const float PageCallTimeoutMilliseconds = 5_000;

    // The URLs of the page calls on window._cio, in order. The queue stays an array because track.js never loads.
    private const string PageUrlsScript =
        "() => window._cio.filter(call => Array.isArray(call) && call[0] === 'page').map(call => call[1])";

    [Fact]
    public async Task EnhancedNavigation_TwoLinkClicks_PushTwoPageCalls()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/", async () =>
        {
            await LoaderChecks.AssertStubMethodsAsync(session);
            await LoaderChecks.AssertSingleAsync(session, LoaderChecks.TrackerSelector);
            var before = await PageUrlsAsync(session);

            // A full page load would start a new window object and lose the marker.
            await session.EvaluateAsync<int>("() => window.__marker = 1");
            await NavigateAsync(session, "#nav-pricing", "/pricing", "Pricing");
            await AssertSameDocumentAsync(session);
            await NavigateAsync(session, "#pricing-to-about", "/about", "About");
            await AssertSameDocumentAsync(session);

            await WaitForPageCallsAsync(session, before.Length + 2);
            var after = await PageUrlsAsync(session);
            Assert.Equal([.. before, server.UrlOf("/pricing"), server.UrlOf("/about")], after);
            Assert.Equal([LoaderChecks.UsScriptUrl], session.AbortedRequests);
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task EnhancedNavigation_ScriptRunTwice_PushesOncePerNavigation()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        await session.RunAsync("/", async () =>
        {
            var before = await PageUrlsAsync(session);

            // Runs the page's copy of the script a second time, as a page that carried it twice would.
            await session.EvaluateAsync<bool>("""
                () => {
                    const script = document.querySelector("script[data-cio-enhanced-nav]");
                    (0, eval)(script.textContent);
                    return window.__cioEnhancedNav;
                }
                """);
            await session.EvaluateAsync<int>("() => window.__marker = 1");
            await NavigateAsync(session, "#nav-pricing", "/pricing", "Pricing");
            await AssertSameDocumentAsync(session);
            await NavigateAsync(session, "#nav-home", "/", "Home");
            await AssertSameDocumentAsync(session);

            await WaitForPageCallsAsync(session, before.Length + 2);
            var after = await PageUrlsAsync(session);
            Assert.Equal([.. before, server.UrlOf("/pricing"), server.UrlOf("/")], after);
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }

    [Fact]
    public async Task EnhancedNavigation_DeferredBlazorScript_AttachesLate()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, server.BaseAddress);

        // The first page's blazor.web.js is deferred, so window.Blazor is missing when the package's script runs.
        await session.Page.RouteAsync(server.UrlOf("/"), async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Response = response,
                Body = html.Replace("<script src=\"_framework/blazor.web.", "<script defer src=\"_framework/blazor.web.",
                    StringComparison.Ordinal),
            });
        });

        await session.RunAsync("/", async () =>
        {
            Assert.True(
                await session.EvaluateAsync<bool>("() => document.querySelector('script[src*=\"blazor.web\"]').defer"),
                "The route did not defer blazor.web.js.");
            var before = await PageUrlsAsync(session);

            await session.EvaluateAsync<int>("() => window.__marker = 1");
            await NavigateAsync(session, "#nav-about", "/about", "About");
            await AssertSameDocumentAsync(session);

            await WaitForPageCallsAsync(session, before.Length + 1);
            var after = await PageUrlsAsync(session);
            Assert.Equal([.. before, server.UrlOf("/about")], after);
            LoaderChecks.AssertNoErrors(session, LoaderChecks.UsScriptUrl);
        });
    }

    private static Task<string[]> PageUrlsAsync(PageSession session) => session.EvaluateAsync<string[]>(PageUrlsScript);

    /// <summary>Clicks <paramref name="linkSelector"/> and waits for the URL and the heading of the next page.</summary>
    private async Task NavigateAsync(PageSession session, string linkSelector, string path, string heading)
    {
        await session.Page.ClickAsync(linkSelector);
        await session.Page.WaitForURLAsync(server.UrlOf(path));
        await session.Page.WaitForFunctionAsync(
            "([selector, text]) => document.querySelector(selector)?.textContent === text",
            new[] { HeadingSelector, heading });
    }

    /// <summary>Asserts that the marker set before the first click survived, so no navigation was a full load.</summary>
    private static async Task AssertSameDocumentAsync(PageSession session)
    {
        Assert.Equal(1, await session.EvaluateAsync<int?>("() => window.__marker"));
    }

    /// <summary>
    /// Waits at most <see cref="PageCallTimeoutMilliseconds"/> until <c>window._cio</c> has at least
    /// <paramref name="count"/> page calls. It returns on a timeout too, so that the caller's assert shows the calls.
    /// </summary>
    private static async Task WaitForPageCallsAsync(PageSession session, int count)
    {
        try
        {
            await session.Page.WaitForFunctionAsync(
                $"count => ({PageUrlsScript})().length >= count",
                count,
                new PageWaitForFunctionOptions { Timeout = PageCallTimeoutMilliseconds });
        }
        catch (TimeoutException)
        {
            // The caller's assert reports the page calls that were pushed.
        }
    }
}
