using System.Text;
using Microsoft.Playwright;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// Saves a failed test's screenshot and HTML as <c>&lt;test name&gt;.png</c> and <c>.html</c>. The folder is
/// <c>CIO_BROWSER_ARTIFACTS_DIR</c> when set (tests/run-all.sh sets it to TestResults/browser-artifacts in the
/// repository), else TestResults/browser-artifacts in the test's output directory.
/// </summary>
public static class FailureArtifacts
{
    /// <summary>The folder that this run writes artifacts to.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("CIO_BROWSER_ARTIFACTS_DIR") is { Length: > 0 } directory
            ? directory
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "browser-artifacts");

    /// <summary>
    /// Saves the page's screenshot and HTML. A Playwright or file error is written to the test output instead of
    /// thrown, so that the test's own failure stays the one reported.
    /// </summary>
    public static async Task SaveAsync(IPage page)
    {
        var output = TestContext.Current.TestOutputHelper;
        var basePath = Path.Combine(Directory, FileNameOf(TestContext.Current.Test?.TestDisplayName ?? "unknown-test"));
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = basePath + ".png", FullPage = true });
            await File.WriteAllTextAsync(basePath + ".html", await page.ContentAsync());
            output?.WriteLine($"Saved the failed page to {basePath}.png and {basePath}.html.");
        }
        catch (Exception exception) when (exception is PlaywrightException or IOException or UnauthorizedAccessException)
        {
            output?.WriteLine($"Failed to save the failed page to {basePath}.png and .html: {exception.Message}");
        }
    }

    private static string FileNameOf(string testName)
    {
        var name = new StringBuilder(testName.Length);
        foreach (var character in testName)
        {
            name.Append(char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-' ? character : '_');
        }

        return name.ToString();
    }
}
