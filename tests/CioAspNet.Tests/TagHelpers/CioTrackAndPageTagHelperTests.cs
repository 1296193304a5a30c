using CioAspNet.TagHelpers;
using CioAspNet.Tests.Calls;
using CioAspNet.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.TagHelpers;

public sealed class CioTrackAndPageTagHelperTests
{
    private static async Task<string> RenderTrackAsync(TagHelperHarness harness, Action<CioTrackTagHelper> set)
    {
        var helper = harness.Create<CioTrackTagHelper>();
        set(helper);
        return "<body>" + await TagHelperHarness.RenderAsync(helper, "cio-track") + "</body>";
    }

    private static async Task<string> RenderPageAsync(TagHelperHarness harness, Action<CioPageTagHelper> set)
    {
        var helper = harness.Create<CioPageTagHelper>();
        set(helper);
        return "<body>" + await TagHelperHarness.RenderAsync(helper, "cio-page") + "</body>";
    }

    [Fact]
    public async Task TrackTagHelper_UseArrayParams_ThirdArgument()
    {
        using var harness = new TagHelperHarness();

        var html = await RenderTrackAsync(harness, helper =>
        {
            helper.Name = "addedToCart";
            helper.Data = new { sku = "b-1", tags = new[] { "x", "y" } };
            helper.UseArrayParams = true;
        });

        var call = Assert.Single(CioScripts.Calls(html));
        Assert.Equal("""["track","addedToCart",{"sku":"b-1","tags":["x","y"]},{"useArrayParams":true}]""", call.GetRawText());
    }

    [Fact]
    public async Task TrackTagHelper_EmptyName_RendersNothing()
    {
        using var harness = new TagHelperHarness();

        var html = await RenderTrackAsync(harness, helper => helper.Data = new { a = 1 });

        Assert.Empty(CioScripts.Scripts(html));
        Assert.Equal(LogLevel.Warning, Assert.Single(harness.LogsWithId(25)).Level);
    }

    [Theory]
    [MemberData(nameof(CioCallScriptTests.HostileValues), MemberType = typeof(CioCallScriptTests))]
    public async Task TrackTagHelper_HostileData_DecodeToOriginal(string hostile)
    {
        using var harness = new TagHelperHarness();

        var html = await RenderTrackAsync(harness, helper =>
        {
            helper.Name = "e";
            helper.Data = new Dictionary<string, object> { ["value"] = hostile, ["list"] = new[] { hostile } };
        });

        Assert.Single(CioScripts.Scripts(html));
        var call = Assert.Single(CioScripts.Calls(html));
        Assert.Equal(hostile, call[2].GetProperty("value").GetString());
        Assert.Equal(hostile, call[2].GetProperty("list")[0].GetString());
    }

    [Fact]
    public async Task TrackTagHelper_NonceAccessor_IsOnScript()
    {
        using var harness = new TagHelperHarness();
        harness.Options.CurrentValue.Csp.NonceAccessor = context => "from-accessor";

        var html = await RenderTrackAsync(harness, helper => helper.Name = "e");

        Assert.Equal("from-accessor", Assert.Single(CioScripts.Scripts(html)).GetAttribute("nonce"));
    }

    [Fact]
    public async Task PageTagHelper_NameAndData_EmitsPage()
    {
        using var harness = new TagHelperHarness();

        var html = await RenderPageAsync(harness, helper =>
        {
            helper.Name = "Pricing";
            helper.Data = new { plan = "pro" };
        });

        Assert.Equal("""["page","Pricing",{"plan":"pro"}]""", Assert.Single(CioScripts.Calls(html)).GetRawText());
    }

    [Fact]
    public async Task PageTagHelper_NoName_UsesBrowserUrl()
    {
        using var harness = new TagHelperHarness();

        var html = await RenderPageAsync(harness, _ => { });

        Assert.Contains("push([\"page\",window.location.href]);", Assert.Single(CioScripts.Scripts(html)).TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnippetTagHelper_Nonce_IsOnLoader()
    {
        using var harness = new TagHelperHarness();
        harness.HttpContext.Items["csp-nonce"] = "n-1";
        var helper = harness.Create<CioSnippetTagHelper>();

        var html = "<body>" + await TagHelperHarness.RenderAsync(helper, "cio-snippet") + "</body>";

        Assert.Equal("n-1", Assert.Single(CioScripts.Scripts(html)).GetAttribute("nonce"));
    }
}
