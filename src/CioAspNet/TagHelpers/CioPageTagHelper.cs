using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.TagHelpers;

/// <summary>
/// Renders a page view call, <c>&lt;cio-page name="Pricing" data="@info" /&gt;</c>. It is needed only when
/// <c>Cio:AutoTrackPage</c> is off, because track.js otherwise sends a page view when it loads.
/// </summary>
[HtmlTargetElement("cio-page", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CioPageTagHelper : TagHelper
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly ILogger _logger;

    /// <summary>Creates the tag helper; Razor calls it with the services of the request.</summary>
    public CioPageTagHelper(IOptionsMonitor<CioOptions> options, ILogger<CioPageTagHelper> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>The page name. Default: the browser's URL, <c>window.location.href</c>.</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>The page view's data: an object or dictionary, serialized with System.Text.Json. Optional.</summary>
    [HtmlAttributeName("data")]
    public object? Data { get; set; }

    /// <summary>The view context, set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        var options = CallTagHelperSupport.GetEnabledOptions(http, _options, _logger);
        var call = options is null ? null : CallTagHelperSupport.CreateFactory(http, _logger).CreatePage(Name, Data);
        CallTagHelperSupport.Render(output, call, http, options!);
    }
}
