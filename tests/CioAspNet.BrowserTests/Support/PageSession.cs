using Microsoft.Playwright;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// A fresh browser context and page for one test. Every request to a host other than <c>127.0.0.1</c> is aborted
/// and recorded, and the page's console errors, uncaught errors and Content Security Policy violations are
/// collected for the test to check.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private const string LoopbackHost = "127.0.0.1";

    private const string CspViolationFunction = "__reportCspViolation";

    // Runs in every document before its own scripts, so that a violation of the first inline script is seen too.
    private const string CspViolationListener =
        "document.addEventListener('securitypolicyviolation', e => window." + CspViolationFunction +
        "(e.violatedDirective + ' ' + e.blockedURI));";

    // Playwright's own default for navigations.
    private static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext _context;
    private readonly Lock _gate = new();
    private readonly List<string> _abortedRequests = [];
    private readonly List<IConsoleMessage> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _cspViolations = [];

    private IPage? _page;
    private IResponse? _documentResponse;

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

    /// <summary>
    /// Content Security Policy violations of every document loaded so far, each as the violated directive and the
    /// blocked URI, such as <c>script-src-elem inline</c>.
    /// </summary>
    public IReadOnlyList<string> CspViolations => Snapshot(_cspViolations);

    /// <summary>The response of the main frame's last document, after redirects.</summary>
    public IResponse DocumentResponse =>
        Volatile.Read(ref _documentResponse) ?? throw new InvalidOperationException("No document has loaded yet.");

    /// <summary>
    /// Opens a context whose relative URLs resolve against <paramref name="baseAddress"/>. With
    /// <paramref name="bypassCsp"/>, Chromium ignores the pages' Content Security Policy, so that a script injected into
    /// a page runs as it would on a site without one.
    /// </summary>
    public static async Task<PageSession> OpenAsync(IBrowser browser, Uri baseAddress, bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), BypassCSP = bypassCsp });
        try
        {
            // The route is added before the page exists, so that it also intercepts the page's first request.
            var session = new PageSession(context);
            await context.RouteAsync("**/*", session.RouteAsync);
            await context.ExposeFunctionAsync(
                CspViolationFunction, (string violation) => session.Record(session._cspViolations, violation));
            await context.AddInitScriptAsync(CspViolationListener);
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

    /// <summary>
    /// Clicks the element that <paramref name="selector"/> matches, such as a form's submit button, waits until the
    /// document it navigates to has loaded, and checks that its response, after redirects, is 200.
    /// </summary>
    public async Task ClickAndWaitForLoadAsync(string selector)
    {
        var previous = Volatile.Read(ref _documentResponse);
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            // The current document has loaded already, so the next load event is the new document's.
            await Page.ClickAsync(selector);
            await loaded.Task.WaitAsync(NavigationTimeout, TestContext.Current.CancellationToken);
        }
        finally
        {
            Page.Load -= OnLoad;
        }

        var response = DocumentResponse;
        Assert.NotSame(previous, response);
        Assert.Equal(200, response.Status);
    }

    /// <summary>Reloads the page and checks that the response is 200.</summary>
    public async Task ReloadAsync()
    {
        var response = await Page.ReloadAsync();
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
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
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                Volatile.Write(ref _documentResponse, response);
            }
        };
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
