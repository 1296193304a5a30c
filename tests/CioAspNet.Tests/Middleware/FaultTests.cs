using System.Text;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

    [Fact]
    public async Task Middleware_TenThousandDisconnects_MemoryFlatAndNoUnobservedErrors()
    {
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var settings = new Dictionary<string, string?> { ["Cio:Links:Domains:0"] = "docs.example.com" };
            await using var app = await TestApp.StartAsync(
                web => web.MapGet("/", async (HttpContext context) =>
                {
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<html><body>", context.RequestAborted);
                    for (var i = 0; i < 50; i++)
                    {
                        await context.Response.Body.WriteAsync(Chunk, context.RequestAborted);
                    }

                    await context.Response.WriteAsync("</body></html>", context.RequestAborted);
                }),
                settings,
                kestrel: true);

            // The fake log collector keeps every record, two Debug records per request, about 15 MB over 10,000
            // requests. It is emptied before each measurement, so that the check measures the package's memory only.
            await DisconnectManyAsync(app, 1_000);
            app.Logs.Clear();
            var before = MeasureHeap();
            await DisconnectManyAsync(app, 10_000);
            app.Logs.Clear();
            var after = MeasureHeap();

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var growth = after - before;
            TestContext.Current.TestOutputHelper?.WriteLine($"Heap before {before:N0}, after {after:N0} bytes.");
            Assert.True(growth < 8 * 1024 * 1024, $"The heap grew by {growth:N0} bytes over 10,000 disconnects.");
            Assert.Equal(0, Volatile.Read(ref unobserved));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private static async Task DisconnectManyAsync(TestApp app, int count)
    {
        var next = 0;
        var workers = Enumerable.Range(0, 4).Select(async _ =>
        {
            var buffer = new byte[8192];
            while (Interlocked.Increment(ref next) <= count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/?_cio_id=a1b2c3");
                using var response = await app.Client.SendAsync(
                    request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
                await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
                await stream.ReadAtLeastAsync(buffer, 1, cancellationToken: TestContext.Current.CancellationToken);
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
