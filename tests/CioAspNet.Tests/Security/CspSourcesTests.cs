using System.Security.Cryptography;
using System.Text;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.Tests.Security;

public sealed class CspSourcesTests
{
    [Theory]
    [InlineData("Us", "https://track.customer.io")]
    [InlineData("Eu", "https://track-eu.customer.io")]
    public async Task LoaderHashSource_MatchesServedLoaderScript(string region, string trackHost)
    {
        await using var app = await TestApp.StartAsync(
            web => web.Run(context =>
            {
                context.Items["csp-nonce"] = "abc123";
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync("<html><body></body></html>");
            }),
            new Dictionary<string, string?> { ["Cio:Region"] = region });
        var sources = app.App.Services.GetRequiredService<ICioCspSources>();

        var html = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        var loader = DomAssert.Parse(html).QuerySelector("script[data-cio-loader]")!;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(loader.TextContent)));
        Assert.Equal("abc123", loader.GetAttribute("nonce"));
        Assert.Equal($"'sha256-{hash}'", sources.LoaderHashSource);
        Assert.Equal(["https://assets.customer.io"], sources.ScriptSources);
        Assert.Equal([trackHost], sources.ConnectSources);
    }

    [Fact]
    public async Task CspSources_InAppAndScriptUrl_AddTheirHosts()
    {
        await using var app = await TestApp.StartAsync(_ => { }, new Dictionary<string, string?>
        {
            ["Cio:UseInApp"] = "true",
            ["Cio:ScriptUrl"] = "https://cdn.example.com:8443/cio/track.js",
        });
        var sources = app.App.Services.GetRequiredService<ICioCspSources>();

        Assert.Equal(["https://cdn.example.com:8443", "https://code.gist.build"], sources.ScriptSources);
        Assert.Contains("https://*.api.gist.build", sources.ConnectSources);
    }
}
