using System.Buffers;
using System.Text;
using CioAspNet.Calls;
using CioAspNet.Middleware;
using CioAspNet.Privacy;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CioAspNet.TagHelpers;

/// <summary>
/// The Razor fast path: at the end of a view's <c>&lt;body&gt;</c> element it writes what the middleware would
/// insert (the loader, unless the page has one, and the queued calls), and claims the page so the middleware does
/// not scan it. The middleware still rewrites the page when links need a cio_id.
/// </summary>
internal sealed class CioBodyTagHelperComponent : TagHelperComponent
{
    /// <summary>The view context, set by the body tag helper that runs the component.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <summary>Runs after the app's own body components, so its output sits last before <c>&lt;/body&gt;</c>.</summary>
    public override int Order => int.MaxValue;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var httpContext = ViewContext?.HttpContext;
        if (httpContext is null || !string.Equals(context.TagName, "body", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // Only pages that go through the middleware, which has not started to write this one. With output caching
        // the middleware inserts instead, outside the cache, so a stored page carries no per-request script.
        var page = httpContext.Features.Get<CioPageFeature>();
        if (page is null || page.Insertion != PageInsertion.None || httpContext.Response.HasStarted
            || OutputCacheGuard.IsActive(httpContext)
            || TrackingGate.GetBlockReason(httpContext, page.Options) != SkipReason.None)
        {
            return;
        }

        // The body's content renders first (once; Razor caches it), so that a <cio-snippet /> in it and the calls
        // queued while it renders are seen here. A loader written by hand in the view leaves the page to the
        // rewriter, which finds it with the tokenizer.
        var content = await output.GetChildContentAsync();
        if (page.Insertion != PageInsertion.None || httpContext.Response.HasStarted
            || (!page.LoaderWritten && MayHoldLoader(content)))
        {
            return;
        }

        page.Insertion = PageInsertion.RazorView;
        var queue = CioCallQueue.Get(httpContext);
        queue.BeginPage();
        var buffer = new ArrayBufferWriter<byte>(page.Loader.Script.Length + 256);
        new CioPageContent(page.Loader, httpContext, page.Options, queue).WriteTo(buffer, page.LoaderWritten);
        page.LoaderWritten = true;
        output.PostContent.AppendHtml(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    // Values go to the writer unencoded, which is cheaper. A value can only add a false match, and that leaves
    // the page to the rewriter, which finds no loader in it and inserts one as usual.
    private static bool MayHoldLoader(TagHelperContent content)
    {
        using var writer = new LoaderMarkerWriter();
        content.WriteTo(writer, NullHtmlEncoder.Default);
        return writer.Found;
    }
}
