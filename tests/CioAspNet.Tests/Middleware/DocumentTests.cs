using System.Text;
using CioAspNet.Tests.Rewriting;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CioAspNet.Tests.Middleware;

/// <summary>The rewriter's document table again, served by an app through the middleware with the real loader.</summary>
public sealed class DocumentTests
{
    [Theory]
    [MemberData(nameof(HtmlRewriterTests.Cases), MemberType = typeof(HtmlRewriterTests))]
    public async Task Middleware_Document_InsertsRealLoaderBeforeBodyEndTag(string input, string expected)
    {
        await using var app = await TestApp.StartAsync(web => web.Run(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(input);

            // Three-byte writes, so that tags and end tags span writes.
            for (var offset = 0; offset < bytes.Length; offset += 3)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(3, bytes.Length - offset)));
            }
        }));

        var output = Encoding.UTF8.GetString(
            await app.Client.GetByteArrayAsync("/", TestContext.Current.CancellationToken));

        var loader = ExtractLoader(output);
        Assert.Equal(expected.Replace(RewriterHarness.Insert, loader, StringComparison.Ordinal), output);
        if (loader.Length > 0)
        {
            DomAssert.InsertedInsideBody(input, output);
        }
    }

    private static string ExtractLoader(string output)
    {
        var start = output.IndexOf("<script data-cio-loader>var _cio", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var end = output.IndexOf("</script>", start, StringComparison.Ordinal) + "</script>".Length;
        return output[start..end];
    }
}
