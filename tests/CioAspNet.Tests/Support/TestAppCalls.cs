using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace CioAspNet.Tests.Support;

/// <summary>What the call tests add to <see cref="TestApp"/>: a page, a client that keeps cookies, and log lookup.</summary>
internal static class TestAppCalls
{
    /// <summary>Starts a <see cref="TestApp"/> whose middleware from <paramref name="beforeMap"/> runs before its endpoints.</summary>
    public static Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null,
        Dictionary<string, string?>? settings = null,
        Action<WebApplication>? beforeMap = null) => TestApp.StartAsync(
        app =>
        {
            beforeMap?.Invoke(app);
            map(app);
        },
        settings,
        services);

    public const string Page = "<!DOCTYPE html><html><head><title>t</title></head><body><p>page</p></body></html>";

    /// <summary>A TestServer client that keeps cookies in <paramref name="cookies"/> and does not follow redirects.</summary>
    public static HttpClient CreateCookieClient(this TestApp app, CookieContainer cookies)
    {
        var server = app.App.GetTestServer();
        var handler = new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }

    public static IReadOnlyList<FakeLogRecord> LogsWithId(this TestApp app, int eventId) =>
        app.Logs.GetSnapshot().Where(record => record.Id.Id == eventId).ToList();
}
