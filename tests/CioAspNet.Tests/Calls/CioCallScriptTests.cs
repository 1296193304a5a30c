using System.Text.Json;
using System.Text.Json.Nodes;
using CioAspNet.Calls;
using CioAspNet.Tests.Support;
using Microsoft.Extensions.Logging.Testing;

namespace CioAspNet.Tests.Calls;

public sealed class CioCallScriptTests
{
    public static TheoryData<string> HostileValues => new()
    {
        "</script><script>window.__xss=1</script>",
        "</SCRIPT ><script>window.__xss=1</script>",
        "<!--<script>",
        "\"quoted\" and 'single'",
        "back\\slash \\u2028 \\\"",
        "line\u2028separator\u2029paragraph",
        "& &amp; <b>bold</b> ]]> --!>",
        "\n\r\t\0 + `template ${x}`",
    };

    private static CioCallFactory Factory(FakeLogger? logger = null) => new(logger ?? new FakeLogger(), "/test");

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void CioCallScript_HostileValues_DecodeToOriginal(string hostile)
    {
        var call = Factory().CreateTrack(hostile, new Dictionary<string, object?> { ["v"] = hostile, [hostile] = new[] { hostile } }, null);

        var html = "<body>" + CioCallScript.ToHtml([call!], nonce: null) + "</body>";

        var scripts = CioScripts.Scripts(html);
        Assert.Single(scripts);
        var pushed = Assert.Single(CioScripts.CallsIn(scripts[0].TextContent));
        Assert.Equal("track", pushed[0].GetString());
        Assert.Equal(hostile, pushed[1].GetString());
        Assert.Equal(hostile, pushed[2].GetProperty("v").GetString());
        Assert.Equal(hostile, pushed[2].GetProperty(hostile)[0].GetString());
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void CioCallScript_HostileValues_NoMarkupCharacters(string hostile)
    {
        var call = Factory().CreateTrack("event", new { v = hostile }, null);

        var script = CioCallScript.ToHtml([call!], nonce: null);
        var body = script["<script>".Length..^"</script>".Length];

        Assert.DoesNotContain('<', body);
        Assert.DoesNotContain('>', body);
        Assert.DoesNotContain('&', body);
        Assert.DoesNotContain('\u2028', body);
        Assert.DoesNotContain('\u2029', body);
        Assert.DoesNotContain('\'', body);
    }

    [Fact]
    public void CioJson_LineAndParagraphSeparators_AreEscaped()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        CioJson.Write(buffer, JsonValue.Create("a\u2028b\u2029c"));

        Assert.Equal("\"a\\u2028b\\u2029c\"", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void CioJson_DatesAndArrays_Serialized()
    {
        var data = new
        {
            at = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            unspecified = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            offset = new DateTimeOffset(2024, 1, 2, 4, 4, 5, TimeSpan.FromHours(1)),
            items = new[] { 1, 2, 3 },
        };

        var node = CioJson.ToNode(data)!;

        Assert.Equal(1704164645, node["at"]!.GetValue<long>());
        Assert.Equal(1704164645, node["unspecified"]!.GetValue<long>());
        Assert.Equal(1704164645, node["offset"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Array, node["items"]!.GetValueKind());
        Assert.Equal(3, node["items"]!.AsArray().Count);
    }

    [Fact]
    public void CioCallScript_Nonce_IsHtmlEncodedOnScript()
    {
        var html = CioCallScript.ToHtml([Factory().CreatePage("home", null)!], nonce: "n\"o<nce");

        var script = Assert.Single(CioScripts.Scripts("<body>" + html + "</body>"));
        Assert.Equal("n\"o<nce", script.GetAttribute("nonce"));
    }

    [Fact]
    public void CioCallScript_NoCalls_WritesNothing()
    {
        Assert.Equal("", CioCallScript.ToHtml([], nonce: "abc"));
    }

    [Fact]
    public void CioCallScript_PageWithoutName_UsesBrowserUrl()
    {
        var html = CioCallScript.ToHtml([Factory().CreatePage(null, new { section = "docs" })!], nonce: null);

        Assert.Contains("push([\"page\",window.location.href,{\"section\":\"docs\"}]);", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CioCallScript_Reset_WaitsForTrackJs()
    {
        var factory = Factory();
        CioCall[] calls = [factory.CreateTrack("before", null, null)!, CioCallFactory.CreateReset(), factory.CreateTrack("after", null, null)!];

        var text = Assert.Single(CioScripts.Scripts("<body>" + CioCallScript.ToHtml(calls, null) + "</body>")).TextContent;

        var before = text.IndexOf("\"before\"", StringComparison.Ordinal);
        var wait = text.IndexOf("typeof window._cio.reset !== \"function\"", StringComparison.Ordinal);
        var reset = text.IndexOf("window._cio.reset();", StringComparison.Ordinal);
        var after = text.IndexOf("\"after\"", StringComparison.Ordinal);
        Assert.InRange(before, 0, wait - 1);
        Assert.InRange(reset, wait + 1, after - 1);
        Assert.Contains($"++tries < {CioCallScript.ResetPollMaxTries}", text, StringComparison.Ordinal);
        Assert.Equal(["track:before", "track:after"], CioScripts.Describe(CioScripts.CallsIn(text)));
    }
}
