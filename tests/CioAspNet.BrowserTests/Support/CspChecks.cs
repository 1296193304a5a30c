using System.Text.Json;
using System.Text.RegularExpressions;

namespace CioAspNet.BrowserTests.Support;

/// <summary>Checks of the sample's Content-Security-Policy in a loaded page.</summary>
public static partial class CspChecks
{
    /// <summary>
    /// Returns the nonce of the <c>script-src</c> directive in the last document's <c>Content-Security-Policy</c>
    /// header, and fails when the header or the nonce is missing.
    /// </summary>
    public static async Task<string> HeaderNonceAsync(PageSession session)
    {
        var header = await session.DocumentResponse.HeaderValueAsync("content-security-policy");
        Assert.False(header is null, $"{session.Page.Url} has no Content-Security-Policy header.");

        var match = NonceSource().Match(header);
        Assert.True(match.Success, $"The Content-Security-Policy header has no nonce: {header}");
        return match.Groups["nonce"].Value;
    }

    /// <summary>
    /// Asserts that the page has inline scripts, among them at least one with <c>_cio</c>, and that each carries the
    /// nonce of the document's header. Chromium hides the <c>nonce</c> attribute after parsing, so the check reads
    /// the <c>nonce</c> property. A failure lists the start of each script.
    /// </summary>
    public static async Task AssertInlineScriptsCarryNonceAsync(PageSession session)
    {
        var nonce = await HeaderNonceAsync(session);
        var json = await session.EvaluateAsync<string>("""
            () => JSON.stringify([...document.scripts]
                .filter(script => !script.src)
                .map(script => ({ nonce: script.nonce, text: script.textContent.trim().slice(0, 60) })))
            """);
        var scripts = JsonSerializer.Deserialize<InlineScript[]>(json, JsonSerializerOptions.Web)!;

        Assert.Contains(scripts, script => script.Text.Contains("_cio", StringComparison.Ordinal));
        Assert.All(scripts, script => Assert.True(
            script.Nonce == nonce, $"The script starting '{script.Text}' has nonce '{script.Nonce}', not '{nonce}'."));
    }

    /// <summary>Asserts that no document of the session reported a Content Security Policy violation.</summary>
    public static void AssertNoViolations(PageSession session) => Assert.Empty(session.CspViolations);

    [GeneratedRegex("'nonce-(?<nonce>[A-Za-z0-9+/_=-]+)'")]
    private static partial Regex NonceSource();

    private sealed record InlineScript(string Nonce, string Text);
}
