using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.TagHelpers;

/// <summary>
/// Renders a track call, <c>&lt;cio-track name="addedToCart" data="@item" use-array-params="true" /&gt;</c>, as an
/// inline script that pushes it onto <c>window._cio</c>. An empty or too long name, or data over the Track API's
/// limit, renders nothing, and a Warning names the event.
/// </summary>
[HtmlTargetElement("cio-track", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CioTrackTagHelper : TagHelper
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly ILogger _logger;

    /// <summary>Creates the tag helper; Razor calls it with the services of the request.</summary>
    public CioTrackTagHelper(IOptionsMonitor<CioOptions> options, ILogger<CioTrackTagHelper> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>The event name, at most 100 bytes. Required.</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>The event data: an object or dictionary, serialized with System.Text.Json. Optional.</summary>
    [HtmlAttributeName("data")]
    public object? Data { get; set; }

    /// <summary>
    /// Overrides <c>data-use-array-params</c> for this call, sent as the options argument
    /// <c>{"useArrayParams": ...}</c>. Default: not sent.
    /// </summary>
    [HtmlAttributeName("use-array-params")]
    public bool? UseArrayParams { get; set; }

    /// <summary>The view context, set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        var options = CallTagHelperSupport.GetEnabledOptions(http, _options, _logger);
        var call = options is null
            ? null
            : CallTagHelperSupport.CreateFactory(http, _logger).CreateTrack(Name, Data, UseArrayParams);
        CallTagHelperSupport.Render(output, call, http, options!);
    }
}
