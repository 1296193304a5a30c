using CioAspNet.Middleware;
using CioAspNet.Privacy;
using CioAspNet.Snippet;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CioAspNet.TagHelpers;

/// <summary>
/// Renders the Customer.io loader at the place of <c>&lt;cio-snippet /&gt;</c>, instead of before <c>&lt;/body&gt;</c>.
/// The middleware then inserts no second loader. The script carries the request's CSP nonce. Renders nothing
/// when the package is off, the person must not be tracked, or the loader was already written.
/// </summary>
[HtmlTargetElement("cio-snippet", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CioSnippetTagHelper : TagHelper
{
    private readonly IOptionsMonitor<CioOptions> _options;

    /// <summary>Creates the tag helper; Razor calls it with the services of the request.</summary>
    public CioSnippetTagHelper(IOptionsMonitor<CioOptions> options)
    {
        _options = options;
    }

    /// <summary>The view context, set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var page = ViewContext.HttpContext.Features.Get<CioPageFeature>();
        var options = page?.Options ?? _options.CurrentValue;
        var blocked = TrackingGate.GetBlockReason(ViewContext.HttpContext, options) != SkipReason.None;
        if (!options.Enabled || blocked || page?.LoaderWritten == true)
        {
            output.SuppressOutput();
            return;
        }

        var loader = page?.Loader
            ?? ViewContext.HttpContext.RequestServices.GetRequiredService<CioLoaderCache>().Get(options);
        if (page is not null)
        {
            page.LoaderWritten = true;
        }

        output.Content.SetHtmlContent(loader.ToHtml(CspNonce.Get(ViewContext.HttpContext, options.Csp)));
    }
}
