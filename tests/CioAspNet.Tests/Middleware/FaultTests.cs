using System.Net;
using System.Net.Sockets;
using System.Text;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Middleware;

[Collection(nameof(AllocationCollection))]
public sealed class FaultTests
{
    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Repeat("<p><a href=\"https://docs.example.com/\">link</a> text</p>\n", 300)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Middleware_AppThrowsAfterPartialWrite_ClientSeesSameAsWithout(bool flushFirst)
    {
        var with = await ObserveThrowingAppAsync(enabled: true, flushFirst);
        var without = await ObserveThrowingAppAsync(enabled: false, flushFirst);

        Assert.Equal(without.Status, with.Status);
        Assert.Equal(without.Failed, with.Failed);
        Assert.True(with.Failed, "The client should see the broken response as an error.");
        if (flushFirst)
        {
            Assert.StartsWith(without.Received, with.Received, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Middleware_AppThrowsBeforeWriting_ClientGets500()
    {
        await using var app = await TestApp.StartAsync(
            web => web.MapGet("/", (HttpContext _) => throw new InvalidOperationException("app failure")),
            kestrel: true);

        using var response = await app.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(500, (int)response.StatusCode);
    }

    [Fact]
    public async Task Middleware_ClientDisconnects_WritesAreCancelled()
    {
        var loopEnded = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(
            web => web.MapGet("/", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                try
                {
                    await context.Response.WriteAsync("<html><body>");
                    while (true)
                    {
                        await context.Response.Body.WriteAsync(Chunk, context.RequestAborted);
                    }
                }
                catch (Exception ex)
                {
                    loopEnded.TrySetResult(ex);
                }
            }),
            kestrel: true);

        using (var response = await app.Client.GetAsync(
            "/", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            await stream.ReadExactlyAsync(new byte[4096], TestContext.Current.CancellationToken);
        }

        // Bounded wait: without cancellation the loop would write forever into a dead connection.
        var error = await loopEnded.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.NotNull(error);
    }

    // NOTE: this test fails now and then in full-suite runs, never when run alone, and which check fails is not
    // known. The heap size and the unobserved-exception event are process-wide, so other test classes may move them.
    [Fact]
    public async Task Middleware_TenThousandDisconnects_MemoryFlatAndNoUnobservedErrors()
    {
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // Warning and above only: the log collector keeps every record, which would grow the heap itself.
            var settings = new Dictionary<string, string?>
            {
                ["Cio:Links:Domains:0"] = "docs.example.com",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            await using var app = await TestApp.StartAsync(
                web => web.MapGet("/", async (HttpContext context) =>
                {
                    // Writes until the client is gone, so that every disconnect happens in the middle of the page.
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<html><body>", context.RequestAborted);
                    while (!context.RequestAborted.IsCancellationRequested)
                    {
                        await context.Response.Body.WriteAsync(Chunk, context.RequestAborted);
                    }
                }),
                settings,
                kestrel: true);
            var endpoint = new IPEndPoint(IPAddress.Loopback, app.Client.BaseAddress!.Port);

            await DisconnectManyAsync(endpoint, 1_000);
            var before = MeasureHeap();
            await DisconnectManyAsync(endpoint, 10_000);
            var after = MeasureHeap();

            var growth = after - before;
            TestContext.Current.TestOutputHelper?.WriteLine($"Heap before {before:N0}, after {after:N0} bytes.");
            Assert.True(growth < 4 * 1024 * 1024, $"The heap grew by {growth:N0} bytes over 10,000 disconnects.");
            Assert.Equal(0, Volatile.Read(ref unobserved));
            Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error && (r.Category ?? "").StartsWith("CioAspNet", StringComparison.Ordinal));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    // Each client sends a request, reads the first bytes of the page, and resets the connection.
    private static async Task DisconnectManyAsync(IPEndPoint endpoint, int count)
    {
        var request = "GET /?_cio_id=a1b2c3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray();
        var next = 0;
        var workers = Enumerable.Range(0, 2).Select(async _ =>
        {
            var buffer = new byte[4096];
            while (Interlocked.Increment(ref next) <= count)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(endpoint, TestContext.Current.CancellationToken);
                await socket.SendAsync(request, TestContext.Current.CancellationToken);
                await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
                socket.LingerState = new LingerOption(enable: true, seconds: 0);
                socket.Close();
            }
        });
        await Task.WhenAll(workers);
    }

    private static long MeasureHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<(int Status, bool Failed, string Received)> ObserveThrowingAppAsync(bool enabled, bool flushFirst)
    {
        var settings = new Dictionary<string, string?> { ["Cio:Enabled"] = enabled ? "true" : "false" };
        await using var app = await TestApp.StartAsync(
            web => web.MapGet("/", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><p>partial</p><a href=\"https://docs");
                if (flushFirst)
                {
                    await context.Response.Body.FlushAsync();
                }

                throw new InvalidOperationException("app failure after a partial write");
            }),
            settings,
            kestrel: true);

        using var response = await app.Client.GetAsync(
            "/", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var received = new MemoryStream();
        var failed = false;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            await stream.CopyToAsync(received, TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            failed = true;
        }

        return ((int)response.StatusCode, failed, Encoding.UTF8.GetString(received.ToArray()));
    }
}
