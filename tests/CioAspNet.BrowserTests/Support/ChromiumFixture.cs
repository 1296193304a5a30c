using Microsoft.Playwright;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly, started through Playwright's driver from the NuGet package.
/// It runs Debian's <c>/usr/bin/chromium</c>, or the binary that <c>CHROMIUM_PATH</c> names, and never a browser
/// that Playwright downloads.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>The binary used when <c>CHROMIUM_PATH</c> is unset or empty.</summary>
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    // Chromium refuses to run as root without --no-sandbox, and CI runs as root. --disable-gpu skips GPU probing on
    // machines without one. The other switches turn off the browser's own background traffic (component updates,
    // sync, first-run tasks), which the pages' route cannot abort because it intercepts only page requests.
    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser; each test opens its own context in it.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been started.");

    /// <summary>The Chromium binary that this run starts.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultExecutablePath;

    /// <summary>
    /// Starts Chromium. A failure throws, so that every browser test fails rather than being skipped.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        var executablePath = ExecutablePath;
        if (!File.Exists(executablePath))
        {
            throw new FileNotFoundException(
                $"Chromium was not found at '{executablePath}'. Install it with 'sudo apt-get install -y chromium' " +
                "(Debian or Ubuntu), or set CHROMIUM_PATH to a Chromium binary.",
                executablePath);
        }

        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = LaunchArguments,
            });
        }
        catch (PlaywrightException exception)
        {
            _playwright.Dispose();
            _playwright = null;
            throw new InvalidOperationException(
                $"Chromium at '{executablePath}' failed to start: {exception.Message} " +
                "Check that it runs with 'chromium --headless --no-sandbox --dump-dom about:blank', " +
                "or set CHROMIUM_PATH to another Chromium binary.",
                exception);
        }
    }

    /// <summary>Closes the browser and stops Playwright's driver process.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
