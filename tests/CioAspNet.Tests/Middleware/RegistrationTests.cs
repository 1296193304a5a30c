using System.IO.Compression;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.Tests.Middleware;

public sealed class RegistrationTests
{
    private const string Page = "<html><body>x</body></html>";

    [Fact]
    public async Task AddCio_WithoutUseCio_AddsMiddlewareOnce()
    {
        await using var app = await TestApp.StartAsync(MapPage);

        var html = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
    }

    [Fact]
    public async Task UseCio_CalledTwice_AddsMiddlewareOnce()
    {
        await using var app = await TestApp.StartAsync(web =>
        {
            web.UseCio();
            web.UseCio();
            MapPage(web);
        });

        var html = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
    }

    [Fact]
    public async Task UseCio_AfterResponseCompression_InsertsIntoCompressedPage()
    {
        await using var app = await TestApp.StartAsync(
            web =>
            {
                web.UseResponseCompression();
                web.UseCio();
                MapPage(web);
            },
            services: services => services.AddResponseCompression());

        var html = await GetGzipAsync(app);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
    }

    [Fact]
    public async Task AddCio_WithResponseCompressionInside_PassesThroughAndWarns()
    {
        await using var app = await TestApp.StartAsync(
            web =>
            {
                web.UseResponseCompression();
                MapPage(web);
            },
            services: services => services.AddResponseCompression());

        var html = await GetGzipAsync(app);

        Assert.Equal(Page, html);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Name == "CompressedResponse");
    }

    private static async Task<string> GetGzipAsync(TestApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var compressed = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void UseCio_WithoutAddCio_ThrowsNamingAddCio()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseCio());

        Assert.Contains("AddCio()", error.Message, StringComparison.Ordinal);
    }

    private static void MapPage(WebApplication app) => app.MapGet("/", (HttpContext context) =>
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(Page);
    });
}
