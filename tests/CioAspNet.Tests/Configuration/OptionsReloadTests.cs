using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CioAspNet.Tests.Configuration;

public sealed class OptionsReloadTests
{
    [Fact]
    public async Task Options_JsonFileChanged_NextPageUsesNewRegion()
    {
        var folder = Directory.CreateTempSubdirectory("cio-reload-");
        var file = Path.Combine(folder.FullName, "appsettings.json");
        await File.WriteAllTextAsync(file, Settings("Us"), TestContext.Current.CancellationToken);
        try
        {
            await using var app = await TestApp.StartAsync(
                MapPage,
                configureBuilder: builder => builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: true));
            var before = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

            await File.WriteAllTextAsync(file, Settings("Eu"), TestContext.Current.CancellationToken);
            var after = await WaitForAsync(app, html => html.Contains("track-eu.js", StringComparison.Ordinal));

            Assert.Contains("assets/track.js", before, StringComparison.Ordinal);
            Assert.Contains("assets/track-eu.js", after, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Options_InvalidReload_PassesThroughAndLogsError()
    {
        var folder = Directory.CreateTempSubdirectory("cio-reload-");
        var file = Path.Combine(folder.FullName, "appsettings.json");
        await File.WriteAllTextAsync(file, Settings("Us"), TestContext.Current.CancellationToken);
        try
        {
            await using var app = await TestApp.StartAsync(
                MapPage,
                configureBuilder: builder => builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: true));

            await File.WriteAllTextAsync(
                file, """{ "Cio": { "SiteId": "" } }""", TestContext.Current.CancellationToken);
            var after = await WaitForAsync(app, html => !html.Contains("data-cio-loader", StringComparison.Ordinal));

            Assert.Equal(Page, after);
            Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Name == "InvalidOptionsAfterReload");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string Page = "<html><body>x</body></html>";

    private static string Settings(string region) =>
        $$"""{ "Cio": { "SiteId": "{{TestApp.SiteId}}", "Region": "{{region}}" } }""";

    private static void MapPage(WebApplication app) => app.MapGet("/", (HttpContext context) =>
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(Page);
    });

    // The file watcher reports the change a moment after the write; poll for up to 10 seconds.
    private static async Task<string> WaitForAsync(TestApp app, Func<string, bool> condition)
    {
        var html = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            html = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);
            if (condition(html))
            {
                return html;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return html;
    }
}
