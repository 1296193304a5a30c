using System.Buffers;
using System.Net;
using System.Text;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CioAspNet.Tests.Middleware;

public sealed class WritePathTests
{
    private const string Page = "<!DOCTYPE html><html><head><title>t</title></head><body><p>hello</p></body></html>";

    public static TheoryData<string> WritePaths =>
    [
        "stream-async-array", "stream-async-memory", "stream-sync-array", "stream-sync-span", "stream-write-byte",
        "body-writer-flush", "body-writer-no-flush", "start-async", "send-file", "response-write-string",
        "one-byte-async", "content-length", "flush-between-writes", "begin-write",
    ];

    [Theory]
    [MemberData(nameof(WritePaths))]
    public async Task Middleware_WritePath_InsertsLoaderOnce(string path)
    {
        await using var app = await TestApp.StartAsync(MapWritePaths);

        using var response = await app.Client.GetAsync("/" + path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var html = Encoding.UTF8.GetString(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength is null || response.Content.Headers.ContentLength == body.Length);
        Assert.Equal(1, CountOccurrences(html, "data-cio-loader"));
        Assert.EndsWith("</script></body></html>", html, StringComparison.Ordinal);
        Assert.Contains(TestApp.SiteId, html, StringComparison.Ordinal);
        DomAssert.InsertedInsideBody(Page, html);
    }

    [Fact]
    public async Task Middleware_SyncWriteNotAllowed_ThrowsLikeServer()
    {
        Exception? thrown = null;
        await using var app = await TestApp.StartAsync(web => web.MapGet("/", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            thrown = Record.Exception(() => context.Response.Body.Write(Encoding.UTF8.GetBytes(Page)));
            return Task.CompletedTask;
        }));

        using var response = await app.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.IsType<InvalidOperationException>(thrown);
    }

    internal static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void MapWritePaths(WebApplication app)
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        var file = Path.Combine(Path.GetTempPath(), $"cio-write-path-{Guid.NewGuid():N}.html");
        File.WriteAllBytes(file, bytes);
        app.Lifetime.ApplicationStopped.Register(() => File.Delete(file));

        app.Use(async (context, next) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await next(context);
        });

        app.MapGet("/stream-async-array", (HttpContext c) => c.Response.Body.WriteAsync(bytes, 0, bytes.Length));
        app.MapGet("/stream-async-memory", async (HttpContext c) => await c.Response.Body.WriteAsync(bytes.AsMemory()));
        app.MapGet("/stream-sync-array", (HttpContext c) => WriteSync(c, body => body.Write(bytes, 0, bytes.Length)));
        app.MapGet("/stream-sync-span", (HttpContext c) => WriteSync(c, body => body.Write(bytes.AsSpan())));
        app.MapGet("/stream-write-byte", (HttpContext c) => WriteSync(c, body =>
        {
            foreach (var b in bytes)
            {
                body.WriteByte(b);
            }
        }));
        app.MapGet("/body-writer-flush", async (HttpContext c) =>
        {
            c.Response.BodyWriter.Write(bytes.AsSpan(0, 40));
            await c.Response.BodyWriter.FlushAsync();
            c.Response.BodyWriter.Write(bytes.AsSpan(40));
            await c.Response.BodyWriter.FlushAsync();
        });
        app.MapGet("/body-writer-no-flush", (HttpContext c) =>
        {
            c.Response.BodyWriter.Write(bytes);
            return Task.CompletedTask;
        });
        app.MapGet("/start-async", async (HttpContext c) =>
        {
            await c.Response.StartAsync();
            await c.Response.Body.WriteAsync(bytes);
        });
        app.MapGet("/send-file", (HttpContext c) => c.Response.SendFileAsync(file));
        app.MapGet("/response-write-string", (HttpContext c) => c.Response.WriteAsync(Page));
        app.MapGet("/one-byte-async", async (HttpContext c) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                await c.Response.Body.WriteAsync(bytes.AsMemory(i, 1));
            }
        });
        app.MapGet("/content-length", async (HttpContext c) =>
        {
            c.Response.ContentLength = bytes.Length;
            await c.Response.Body.WriteAsync(bytes);
        });
        app.MapGet("/flush-between-writes", async (HttpContext c) =>
        {
            await c.Response.Body.WriteAsync(bytes.AsMemory(0, 60));
            await c.Response.Body.FlushAsync();
            await c.Response.Body.WriteAsync(bytes.AsMemory(60));
        });
        app.MapGet("/begin-write", (HttpContext c) =>
            Task.Factory.FromAsync(c.Response.Body.BeginWrite, c.Response.Body.EndWrite, bytes, 0, bytes.Length, null));
    }

    private static Task WriteSync(HttpContext context, Action<Stream> write)
    {
        context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        write(context.Response.Body);
        return Task.CompletedTask;
    }
}
