using System.Text.RegularExpressions;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using SampleMvc.Security;

namespace CioAspNet.Tests.Sample;

public sealed partial class SampleCspTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public SampleCspTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Paths => ["/", "/static.html", "/Privacy", "/minimal", "/site.css", "/health"];

    [Fact]
    public async Task HomePage_Get_EveryScriptCarriesHeaderNonce()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        var nonce = HeaderNonce(response);
        var scripts = CioScripts.Scripts(html);
        Assert.Contains(scripts, script => script.HasAttribute("data-cio-loader"));
        Assert.Contains(scripts, script => script.TextContent.Contains("window.sampleMarker", StringComparison.Ordinal));
        Assert.All(scripts, script => Assert.Equal(nonce, script.GetAttribute("nonce")));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task SampleResponse_Get_SendsStrictPolicy(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        var directives = Directives(response);
        Assert.Equal(
            $"'nonce-{HeaderNonce(response)}' 'strict-dynamic' https://assets.customer.io", directives["script-src"]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'none'", directives["base-uri"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
    }

    [Fact]
    public async Task Nonce_TwoRequests_FreshAndOf128Bits()
    {
        using var client = _factory.CreateClient();

        using var first = await client.GetAsync("/", Cancel);
        using var second = await client.GetAsync("/", Cancel);

        Assert.NotEqual(HeaderNonce(first), HeaderNonce(second));
        Assert.Equal(ContentSecurityPolicy.NonceBytes, Convert.FromBase64String(HeaderNonce(first)).Length);
        Assert.True(ContentSecurityPolicy.NonceBytes >= 16);
    }

    [Theory]
    [InlineData(CioRegion.Us, "https://track.customer.io")]
    [InlineData(CioRegion.Eu, "https://track-eu.customer.io")]
    public void Policy_Region_AllowsRegionTrackHost(CioRegion region, string trackHost)
    {
        var options = new CioOptions { Region = region };

        var directives = Parse(ContentSecurityPolicy.Build("bm9uY2U=", options));

        Assert.Equal($"'self' {trackHost}", directives["connect-src"]);
        Assert.Equal($"'self' {trackHost}", directives["img-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.False(directives.ContainsKey("frame-src"));
    }

    [Fact]
    public void Policy_UseInApp_AllowsInAppHosts()
    {
        var options = new CioOptions { UseInApp = true };

        var directives = Parse(ContentSecurityPolicy.Build("bm9uY2U=", options));

        Assert.Equal(
            "'nonce-bm9uY2U=' 'strict-dynamic' https://assets.customer.io https://code.gist.build", directives["script-src"]);
        Assert.Equal(
            "'self' https://track.customer.io https://*.api.gist.build https://*.cloud.gist.build", directives["connect-src"]);
        Assert.Equal("https://renderer.gist.build https://code.gist.build", directives["frame-src"]);
        Assert.Equal("'self' https://code.gist.build 'unsafe-inline'", directives["style-src"]);
    }

    [Fact]
    public void Policy_ScriptUrl_AllowsItsOrigin()
    {
        var options = new CioOptions { ScriptUrl = "https://cdn.example.com:8443/cio/track.js" };

        var directives = Parse(ContentSecurityPolicy.Build("bm9uY2U=", options));

        Assert.Equal("'nonce-bm9uY2U=' 'strict-dynamic' https://cdn.example.com:8443", directives["script-src"]);
    }

    private static string HeaderNonce(HttpResponseMessage response)
    {
        var match = NonceSource().Match(Directives(response)["script-src"]);
        Assert.True(match.Success, "The script-src directive has no nonce.");
        return match.Groups["nonce"].Value;
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), "The response has no CSP.");
        return Parse(Assert.Single(values));
    }

    private static Dictionary<string, string> Parse(string policy) => policy
        .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(directive => directive.Split(' ', 2))
        .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    [GeneratedRegex("^'nonce-(?<nonce>[^']+)'")]
    private static partial Regex NonceSource();
}
