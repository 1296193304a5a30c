using Microsoft.Playwright;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// A fresh browser context and page for one test. Every request to a host other than <c>127.0.0.1</c> is aborted
/// and recorded, and the page's console errors and uncaught errors are collected for the test to check.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private const string LoopbackHost = "127.0.0.1";

    private readonly IBrowserContext _context;
    private readonly Lock _gate = new();
    private readonly List<string> _abortedRequests = [];
    private readonly List<IConsoleMessage> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];

    private IPage? _page;

    private PageSession(IBrowserContext context)
    {
        _context = context;
    }

    /// <summary>The page under test.</summary>
    public IPage Page => _page ?? throw new InvalidOperationException("The page has not been opened.");

    /// <summary>URLs of the requests that were aborted because their host is not <c>127.0.0.1</c>.</summary>
    public IReadOnlyList<string> AbortedRequests => Snapshot(_abortedRequests);

    /// <summary>Console messages of type <c>error</c>, including the one for each aborted script.</summary>
    public IReadOnlyList<IConsoleMessage> ConsoleErrors => Snapshot(_consoleErrors);

    /// <summary>Uncaught exceptions thrown by the page's scripts.</summary>
    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    /// <summary>Opens a context whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public static async Task<PageSession> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        try
        {
            // The route is added before the page exists, so that it also intercepts the page's first request.
            var session = new PageSession(context);
            await context.RouteAsync("**/*", session.RouteAsync);
            session.AttachPage(await context.NewPageAsync());
            return session;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="path"/>, checks that the response is 200, and runs <paramref name="checks"/>. When
    /// either fails, it saves a screenshot and the page's HTML through <see cref="FailureArtifacts"/> and rethrows.
    /// </summary>
    public async Task RunAsync(string path, Func<Task> checks)
    {
        try
        {
            var response = await Page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(200, response.Status);
            await checks();
        }
        catch (Exception)
        {
            await FailureArtifacts.SaveAsync(Page);
            throw;
        }
    }

    /// <summary>Returns the result of a JavaScript expression evaluated in the page.</summary>
    public Task<T> EvaluateAsync<T>(string expression, object? argument = null) =>
        Page.EvaluateAsync<T>(expression, argument);

    /// <summary>Closes the context, and with it the page.</summary>
    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private void AttachPage(IPage page)
    {
        page.Console += (_, message) => RecordConsoleMessage(message);
        page.PageError += (_, error) => Record(_pageErrors, error);
        _page = page;
    }

    private Task RouteAsync(IRoute route)
    {
        var url = route.Request.Url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host == LoopbackHost)
        {
            return route.ContinueAsync();
        }

        Record(_abortedRequests, url);
        return route.AbortAsync();
    }

    private void RecordConsoleMessage(IConsoleMessage message)
    {
        if (message.Type == "error")
        {
            Record(_consoleErrors, message);
        }
    }

    private void Record<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
