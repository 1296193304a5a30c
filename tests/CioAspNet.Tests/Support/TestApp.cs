using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CioAspNet.Tests.Support;

/// <summary>A small app on TestServer with CioAspNet, fake logging at Debug, and a client that keeps cookies.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string Page = "<!DOCTYPE html><html><head><title>t</title></head><body><p>page</p></body></html>";

    private readonly WebApplication _app;

    private TestApp(WebApplication app)
    {
        _app = app;
        Logs = app.Services.GetFakeLogCollector();
    }

    public FakeLogCollector Logs { get; }

    public CookieContainer Cookies { get; } = new();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        Action<WebApplication>? beforeMap = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cio:SiteId"] = "test-site" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddCio();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        beforeMap?.Invoke(app);
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app);
    }

    /// <summary>A client that keeps cookies between requests and does not follow redirects.</summary>
    public HttpClient CreateClient()
    {
        var server = _app.GetTestServer();
        var handler = new CookieContainerHandler(Cookies) { InnerHandler = server.CreateHandler() };
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }

    public IReadOnlyList<FakeLogRecord> LogsWithId(int eventId) =>
        Logs.GetSnapshot().Where(record => record.Id.Id == eventId).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
