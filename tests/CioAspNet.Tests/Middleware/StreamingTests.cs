using System.Text;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CioAspNet.Tests.Middleware;

[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

[Collection(nameof(AllocationCollection))]
public sealed class StreamingTests
{
    private const int WriteSize = 16 * 1024;

    [Fact]
    public async Task Middleware_FiftyMegabytePage_AllocatesUnderOneMegabyteExtra()
    {
        const long pageBytes = 50L * 1024 * 1024;
        var without = await MeasureAsync(enabled: false, pageBytes);
        var with = await MeasureAsync(enabled: true, pageBytes);

        var extra = with.Allocated - without.Allocated;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Allocated for 50 MB: {without.Allocated:N0} bytes without the package, {with.Allocated:N0} with it.");

        Assert.True(with.Received > pageBytes, $"Received {with.Received} bytes");
        Assert.True(with.LoaderSeen, "The loader was not in the page");
        Assert.True(extra < 1024 * 1024, $"The package allocated {extra:N0} bytes more than the plain page");
    }

    [Fact]
    public async Task Middleware_FlushedHead_ReachesClientBeforeBodyIsWritten()
    {
        var headSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(
            web => web.MapGet("/", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>t</title></head>");
                await context.Response.Body.FlushAsync();

                // The body is written only once the client has read the head.
                await headSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await context.Response.WriteAsync("<body>late</body></html>");
            }),
            kestrel: true);

        using var response = await app.Client.GetAsync(
            "/", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var received = await ReadUntilAsync(stream, "</head>");
        headSeen.SetResult();
        received += await new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("<!DOCTYPE html><html><head><title>t</title></head>", received, StringComparison.Ordinal);
        Assert.Contains("data-cio-loader", received, StringComparison.Ordinal);
        Assert.EndsWith("</script></body></html>", received, StringComparison.Ordinal);
    }

    private static async Task<string> ReadUntilAsync(Stream stream, string marker)
    {
        var text = new StringBuilder();
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.NotEqual(0, read);
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static async Task<(long Allocated, long Received, bool LoaderSeen)> MeasureAsync(bool enabled, long pageBytes)
    {
        var chunk = Encoding.UTF8.GetBytes(new string('x', WriteSize - 16) + "<p>paragraph</p>");
        var settings = new Dictionary<string, string?> { ["Cio:Enabled"] = enabled ? "true" : "false" };
        await using var app = await TestApp.StartAsync(
            web => web.MapGet("/", async (HttpContext context) =>
            {
                var total = long.Parse(context.Request.Query["bytes"]!, System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.Body.WriteAsync("<html><body>"u8.ToArray());
                for (long written = 0; written < total; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk);
                }

                await context.Response.Body.WriteAsync("</body></html>"u8.ToArray());
            }),
            settings,
            kestrel: true);

        // A small page first, so that JIT compilation and first-use caches are not measured. The counter is the
        // process's, so the smaller of two pages leaves out what the runtime allocates on its own threads.
        await ReceiveAsync(app, 1024 * 1024);
        var allocated = long.MaxValue;
        (long Received, bool LoaderSeen) page = default;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            page = await ReceiveAsync(app, pageBytes);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        return (allocated, page.Received, page.LoaderSeen);
    }

    private static async Task<(long Received, bool LoaderSeen)> ReceiveAsync(TestApp app, long bytes)
    {
        using var response = await app.Client.GetAsync(
            $"/?bytes={bytes}", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[64 * 1024];
        long received = 0;
        var loaderSeen = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            received += read;
            loaderSeen |= buffer.AsSpan(0, read).IndexOf("data-cio-loader"u8) >= 0;
        }

        return (received, loaderSeen);
    }
}
