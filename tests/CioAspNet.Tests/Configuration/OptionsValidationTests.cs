using CioAspNet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CioAspNet.Tests.Configuration;

public sealed class OptionsValidationTests
{
    /// <summary>A setting, its value, and a text the start-up error must contain.</summary>
    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "Cio:SiteId", "", "Cio:SiteId is missing" },
        { "Cio:SiteId", "   ", "Cio:SiteId is missing" },
        { "Cio:SiteId", "abc\"; alert(1); //", "Cio:SiteId is invalid" },
        { "Cio:SiteId", new string('a', 101), "Cio:SiteId is invalid" },
        { "Cio:Region", "Asia", "Cio:Region" },
        { "Cio:UseArrayParams", "yes", "Cio:UseArrayParams" },
        { "Cio:ScriptUrl", "track.js", "Cio:ScriptUrl is not an absolute URL" },
        { "Cio:ScriptUrl", "http://cdn.example.com/track.js", "Cio:ScriptUrl must use https" },
        { "Cio:ScriptUrl", "ftp://cdn.example.com/track.js", "Cio:ScriptUrl must use https" },
        { "Cio:ScriptUrl", "javascript:alert(1)", "Cio:ScriptUrl must use https" },
        { "Cio:ExcludedPaths:0", "admin", "Cio:ExcludedPaths:0" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Options_InvalidSetting_StopsStartupNamingKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_SeveralProblems_ReportedTogether()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cio:SiteId"] = "",
            ["Cio:ScriptUrl"] = "http://cdn.example.com/track.js",
            ["Cio:ExcludedPaths:0"] = "admin",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, settings));

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains("Cio:SiteId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cio:ScriptUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cio:ExcludedPaths:0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cdn.example.com/track.js")]
    [InlineData("http://127.0.0.1:8080/track.js")]
    [InlineData("http://localhost/track.js")]
    [InlineData("http://[::1]/track.js")]
    public async Task Options_AcceptedScriptUrl_UsedByLoader(string url)
    {
        var settings = new Dictionary<string, string?> { ["Cio:ScriptUrl"] = url };
        await using var app = await TestApp.StartAsync(_ => { }, settings);

        var options = app.App.Services.GetRequiredService<IOptionsMonitor<CioOptions>>().CurrentValue;

        Assert.Equal(url, new CioAspNet.Snippet.CioLoader(options).ScriptUrl);
    }

    [Fact]
    public async Task Options_ActionOverload_AppliesAfterConfiguration()
    {
        var settings = new Dictionary<string, string?> { ["Cio:Region"] = "Us" };
        await using var app = await TestApp.StartAsync(
            _ => { },
            settings,
            services => services.AddCio(options => options.Region = CioRegion.Eu));

        var options = app.App.Services.GetRequiredService<IOptionsMonitor<CioOptions>>().CurrentValue;

        Assert.Equal(CioRegion.Eu, options.Region);
        Assert.Equal(TestApp.SiteId, options.SiteId);
    }

    [Fact]
    public void Options_Defaults_MatchDocumentation()
    {
        var options = new CioOptions();

        Assert.True(options.Enabled);
        Assert.Null(options.SiteId);
        Assert.Equal(CioRegion.Us, options.Region);
        Assert.True(options.UseArrayParams);
        Assert.True(options.AutoTrackPage);
        Assert.False(options.UseInApp);
        Assert.Null(options.ScriptUrl);
        Assert.Empty(options.ExcludedPaths);
    }
}
