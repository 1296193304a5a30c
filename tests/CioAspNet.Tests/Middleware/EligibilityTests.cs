using System.Text;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Middleware;

public sealed class EligibilityTests
{
    private const string Page = "<html><body>x</body></html>";

    /// <summary>Method, status, Content-Type, Content-Encoding, Range, and whether the loader goes in.</summary>
    public static TheoryData<string, int, string?, string?, bool, bool> Responses => new()
    {
        { "GET", 200, "text/html", null, false, true },
        { "GET", 200, "text/html; charset=utf-8", null, false, true },
        { "GET", 200, "TEXT/HTML; charset=\"UTF-8\"", null, false, true },
        { "GET", 200, "text/html; charset=iso-8859-1", null, false, true },
        { "GET", 200, "text/html; charset=windows-1252", null, false, true },
        { "GET", 200, "text/html; charset=shift_jis", null, false, true },
        { "GET", 404, "text/html", null, false, true },
        { "GET", 500, "text/html", null, false, true },
        { "POST", 200, "text/html", null, false, true },
        { "GET", 200, "text/html", "identity", false, true },
        { "GET", 200, "text/html; charset=utf-16", null, false, false },
        { "GET", 200, "text/html; charset=utf-7", null, false, false },
        { "GET", 200, "text/html; charset=iso-2022-jp", null, false, false },
        { "GET", 200, "text/plain", null, false, false },
        { "GET", 200, "application/json", null, false, false },
        { "GET", 200, "application/xhtml+xml", null, false, false },
        { "GET", 200, null, null, false, false },
        { "GET", 200, "text/html", "gzip", false, false },
        { "GET", 206, "text/html", null, false, false },
        { "GET", 200, "text/html", null, true, false },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Middleware_Response_RewrittenOnlyWhenFullHtmlPage(
        string method, int status, string? contentType, string? contentEncoding, bool range, bool rewritten)
    {
        await using var app = await TestApp.StartAsync(web => web.Run(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            if (contentEncoding is not null)
            {
                context.Response.Headers.ContentEncoding = contentEncoding;
            }

            await context.Response.WriteAsync(Page);
        }));
        using var request = new HttpRequestMessage(new HttpMethod(method), "/page");
        if (range)
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 10);
        }

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var body = Encoding.UTF8.GetString(bytes);

        Assert.Equal(rewritten, body.Contains("data-cio-loader", StringComparison.Ordinal));
        if (!rewritten)
        {
            Assert.Equal(Page, body);
        }
    }

    [Theory]
    [InlineData("text/plain", "the Content-Type is not text/html")]
    [InlineData("text/html; charset=utf-16", "the charset is not ASCII-compatible")]
    public async Task Middleware_SkippedResponse_LogsReasonAtDebug(string contentType, string reason)
    {
        await using var app = await TestApp.StartAsync(web => web.Run(context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync(Page);
        }));

        using var response = await app.Client.GetAsync("/page", TestContext.Current.CancellationToken);

        var record = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Name == "ResponseSkipped");
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal(1, record.Id.Id);
        Assert.Contains(reason, record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_HeadRequest_NotRewritten()
    {
        await using var app = await TestApp.StartAsync(web => web.Run(context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = Page.Length;
            return Task.CompletedTask;
        }));
        using var request = new HttpRequestMessage(HttpMethod.Head, "/");

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(Page.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Middleware_CompressedResponses_WarnOnce()
    {
        await using var app = await TestApp.StartAsync(web => web.Run(async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "br";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Page));
        }));

        await app.Client.GetStringAsync("/a", TestContext.Current.CancellationToken);
        await app.Client.GetStringAsync("/b", TestContext.Current.CancellationToken);

        var warning = Assert.Single(app.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("CompressedResponse", warning.Id.Name);
        Assert.Contains("app.UseCio() after app.UseResponseCompression()", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_ExcludedPath_PassesThroughWithDebugLog()
    {
        var settings = new Dictionary<string, string?> { ["Cio:ExcludedPaths:0"] = "/admin" };
        await using var app = await TestApp.StartAsync(
            web => web.Run(context =>
            {
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync(Page);
            }),
            settings);

        var excluded = await app.Client.GetStringAsync("/Admin/users", TestContext.Current.CancellationToken);
        var similar = await app.Client.GetStringAsync("/administrators", TestContext.Current.CancellationToken);

        Assert.Equal(Page, excluded);
        Assert.Contains("data-cio-loader", similar, StringComparison.Ordinal);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Message.Contains("excluded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Middleware_Disabled_PassesThrough()
    {
        var settings = new Dictionary<string, string?> { ["Cio:Enabled"] = "false", ["Cio:SiteId"] = "" };
        await using var app = await TestApp.StartAsync(
            web => web.Run(context =>
            {
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync(Page);
            }),
            settings);

        var body = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(Page, body);
    }

    [Fact]
    public async Task Middleware_RewrittenStaticHeaders_DropsEntityValidators()
    {
        await using var app = await TestApp.StartAsync(web => web.Run(context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ETag = "\"abc\"";
            context.Response.Headers.AcceptRanges = "bytes";
            return context.Response.WriteAsync(Page);
        }));

        using var response = await app.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.ETag);
        Assert.Empty(response.Headers.AcceptRanges);
    }
}
