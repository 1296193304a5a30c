using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CioAspNet.Calls;
using CioAspNet.TagHelpers;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CioAspNet.Tests.Security;

/// <summary>
/// Hostile values in every place the package reads them. Each comes out escaped, dropped with a log entry, or
/// unchanged, as specified, and never breaks the page or reaches the client as markup or script.
/// </summary>
public sealed class HostileInputTests
{
    private const string Xss = "</script><script>window.__xss=1</script>";

    /// <summary>Values that must reach window._cio exactly as given, through JSON inside a script element.</summary>
    public static TheoryData<string> ScriptValues =>
    [
        Xss, "\"quoted\" and 'single'", "back\\slash\\", "line\u2028separator\u2029", "<!-- comment", "--> end",
        "<script>", "</SCRIPT >", "\u0000nul", "emoji \U0001F600", "]]><![CDATA[", "${template}`", "line\r\nbreak\t",
    ];

    [Theory]
    [MemberData(nameof(ScriptValues))]
    public async Task IdentifyClaim_HostileValue_ReachesQueueUnchanged(string value)
    {
        using var harness = new TagHelperHarness(new Dictionary<string, string?> { ["Cio:Identify:AttributeClaims:plan"] = "plan" });
        harness.SignIn(new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.GivenName, value), new Claim("plan", value));

        var html = await TagHelperHarness.RenderAsync(harness.Create<CioIdentifyTagHelper>(), "cio-identify");

        var call = AssertSingleCall(html);
        Assert.Equal(value, call[1].GetProperty("first_name").GetString());
        Assert.Equal(value, call[1].GetProperty("plan").GetString());
    }

    [Theory]
    [MemberData(nameof(ScriptValues))]
    public async Task TagAttributes_HostileValue_ReachesQueueUnchanged(string value)
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim(ClaimTypes.NameIdentifier, "user-1"));
        var identify = harness.Create<CioIdentifyTagHelper>();
        identify.AttributeValues["note"] = value;
        var track = harness.Create<CioTrackTagHelper>();
        track.Name = value;
        var page = harness.Create<CioPageTagHelper>();
        page.Name = value;

        var identifyCall = AssertSingleCall(await TagHelperHarness.RenderAsync(identify, "cio-identify"));
        var trackCall = AssertSingleCall(await TagHelperHarness.RenderAsync(track, "cio-track"));
        var pageCall = AssertSingleCall(await TagHelperHarness.RenderAsync(page, "cio-page"));

        Assert.Equal(value, identifyCall[1].GetProperty("note").GetString());
        Assert.Equal(value, trackCall[1].GetString());
        Assert.Equal(value, pageCall[1].GetString());
    }

    [Theory]
    [MemberData(nameof(ScriptValues))]
    public async Task EventData_HostileValue_ReachesQueueUnchanged(string value)
    {
        using var harness = new TagHelperHarness();
        var track = harness.Create<CioTrackTagHelper>();
        track.Name = "viewed";
        track.Data = new Dictionary<string, object?> { [value] = new[] { value, value }, ["nested"] = new { text = value } };

        var call = AssertSingleCall(await TagHelperHarness.RenderAsync(track, "cio-track"));

        Assert.Equal(value, call[2].GetProperty(value)[1].GetString());
        Assert.Equal(value, call[2].GetProperty("nested").GetProperty("text").GetString());
    }

    /// <summary>Event names and data that break a Track API limit, and the warning that names the dropped call.</summary>
    public static TheoryData<string, int, string> DroppedTrackCalls => new()
    {
        { "", 0, "EventNameMissing" },
        { new string('n', 101), 0, "EventNameTooLong" },
        { new string('\u00e9', 51), 0, "EventNameTooLong" },
        { "big", 100_001, "EventDataTooLarge" },
    };

    [Theory]
    [MemberData(nameof(DroppedTrackCalls))]
    public async Task TrackCall_OverLimit_DroppedWithWarning(string name, int dataBytes, string eventName)
    {
        using var harness = new TagHelperHarness();
        var track = harness.Create<CioTrackTagHelper>();
        track.Name = name;
        track.Data = dataBytes == 0 ? null : new { payload = new string('x', dataBytes) };

        var html = await TagHelperHarness.RenderAsync(track, "cio-track");

        Assert.Equal("", html);
        var warning = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == eventName);
        Assert.DoesNotContain(new string('x', 100), warning.Message, StringComparison.Ordinal);
    }

    /// <summary>Hostile _cio_id query values: each is dropped with a Debug log and never reflected.</summary>
    public static TheoryData<string> HostileCioIds =>
    [
        "%22%3E%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E", "a%0D%0ASet-Cookie:%20evil=1", "a;b", "a b", "%00",
        "%C3%A9", new string('a', 65), "javascript:alert(1)", "a1b2c3%26_cio_id%3Dx",
    ];

    [Theory]
    [MemberData(nameof(HostileCioIds))]
    public async Task CioIdQuery_HostileValue_DroppedAndNotReflected(string value)
    {
        await using var app = await StartPageAppAsync(LinkPage);

        using var response = await app.Client.GetAsync($"/?_cio_id={value}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("_cio_id", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__xss", html, StringComparison.Ordinal);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Name == "InvalidCioIdIgnored");
    }

    /// <summary>Configuration values that would inject script: start-up stops, naming the key.</summary>
    public static TheoryData<string, string> HostileSettings => new()
    {
        { "Cio:SiteId", "x\"); alert(1); //" },
        { "Cio:SiteId", Xss },
        { "Cio:ScriptUrl", "javascript:alert(1)" },
        { "Cio:ScriptUrl", "data:text/javascript,alert(1)" },
        { "Cio:Links:Domains:0", "evil.test/\"><script>" },
        { "Cio:Links:CookieName", "a;b=c" },
    };

    [Theory]
    [MemberData(nameof(HostileSettings))]
    public async Task Configuration_HostileValue_StopsStartupNamingKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => TestApp.StartAsync(_ => { }, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Link hrefs that try to break out of the attribute or smuggle a host.</summary>
    public static TheoryData<string, bool> HostileHrefs => new()
    {
        { "https://docs.example.com/\" onmouseover=\"window.__xss=1", true },
        { "https://docs.example.com/' onmouseover='window.__xss=1", true },
        { "https://docs.example.com/?q=<script>window.__xss=1</script>", true },
        { "https://docs.example.com/#\"><img src=x onerror=window.__xss=1>", true },
        { "javascript:alert('https://docs.example.com/')", false },
        { "https://docs.example.com@evil.test/", false },
        { "https://evil.test\\.docs.example.com/", false },
        { "https://docs.example.com.evil.test/", false },
        { "jav&#x09;ascript:alert(1)//docs.example.com", false },
    };

    [Theory]
    [MemberData(nameof(HostileHrefs))]
    public async Task LinkHref_HostileValue_RewrittenSafelyOrUntouched(string href, bool rewritten)
    {
        var page = $"<html><body><a id=l title=t href=\"{href.Replace("\"", "&quot;", StringComparison.Ordinal)}\">x</a></body></html>";
        await using var app = await StartPageAppAsync(page);

        var html = await app.Client.GetStringAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        using var input = DomAssert.Parse(page);
        using var output = DomAssert.Parse(html);
        var before = input.GetElementById("l")!;
        var after = output.GetElementById("l")!;
        Assert.Equal(before.Attributes.Length, after.Attributes.Length);
        Assert.Empty(output.QuerySelectorAll("img"));
        Assert.Equal(1, output.QuerySelectorAll("script").Length);
        var expected = rewritten ? "_cio_id=a1b2c3" : null;
        Assert.Equal(rewritten, after.GetAttribute("href")!.Contains("_cio_id=a1b2c3", StringComparison.Ordinal));
        if (expected is null)
        {
            Assert.Equal(before.GetAttribute("href"), after.GetAttribute("href"));
        }
    }

    /// <summary>Broken or huge pages: each passes through unchanged, or gets the loader once, and logs why.</summary>
    public static TheoryData<string, bool, string> HostilePages => new()
    {
        { "<html><body><!-- never closed </body></html>", false, "BodyEndTagNotFound" },
        { "<html><body><script>var a = 1; </body></html>", false, "BodyEndTagNotFound" },
        { "<html><body>text</body", false, "BodyEndTagNotFound" },
        { "<html><body>\0\0<p\0>\0</body>\0</html>", true, "SnippetInserted" },
        { "<html><body><textarea></body>", false, "BodyEndTagNotFound" },
        { "<html><body><a href=\"https://docs.example.com/" + new string('x', 20_000) + "\">x</a></body></html>", true, "TagsTooLong" },
        { "<html><body><div title=\"" + new string('>', 1 << 20) + "\"></div></body></html>", true, "SnippetInserted" },
        { "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "</body></html>", true, "SnippetInserted" },
        { "<html><body>" + string.Concat(Enumerable.Repeat("<svg><math>", 5_000)) + "</body></html>", true, "SnippetInserted" },
        { "<html><body><template><template></body></html>", false, "BodyEndTagNotFound" },
    };

    [Theory]
    [MemberData(nameof(HostilePages))]
    public async Task PageShape_Hostile_PassesThroughOrInsertsOnce(string page, bool inserted, string logEvent)
    {
        await using var app = await StartPageAppAsync(page, chunk: 4096);

        var html = await app.Client.GetStringAsync("/?_cio_id=a1b2c3", TestContext.Current.CancellationToken);

        Assert.Equal(inserted ? 1 : 0, CountOccurrences(html, "data-cio-loader"));
        var withoutLoader = RemoveLoader(html);
        Assert.Equal(page.Length, withoutLoader.Length);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Name == logEvent);
    }

    [Fact]
    public async Task PageShape_InvalidUtf8_PassesBytesThrough()
    {
        byte[] page = [.. "<html><body>"u8, 0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80, .. "</body></html>"u8];
        await using var app = await TestApp.StartAsync(web => web.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.Body.WriteAsync(page).AsTask();
        }));

        var bytes = await app.Client.GetByteArrayAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(page[..19], bytes[..19]);
        Assert.EndsWith("</script></body></html>", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    private const string LinkPage = "<html><body><a href=\"https://docs.example.com/\">d</a></body></html>";

    private static JsonElement AssertSingleCall(string html)
    {
        Assert.Single(CioScripts.Scripts(html));
        return Assert.Single(CioScripts.Calls(html));
    }

    private static Task<TestApp> StartPageAppAsync(string page, int chunk = int.MaxValue) => TestApp.StartAsync(
        web => web.Run(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(page);
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
            }
        }),
        new Dictionary<string, string?> { ["Cio:Links:Domains:0"] = "docs.example.com" });

    private static string RemoveLoader(string html)
    {
        var start = html.IndexOf("<script data-cio-loader>", StringComparison.Ordinal);
        if (start < 0)
        {
            return html;
        }

        var end = html.IndexOf("</script>", start, StringComparison.Ordinal) + "</script>".Length;
        return html.Remove(start, end - start).Replace("?_cio_id=a1b2c3", "", StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
