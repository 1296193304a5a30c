using CioAspNet.Calls;
using CioAspNet.Configuration;
using CioAspNet.Middleware;
using CioAspNet.Privacy;
using CioAspNet.Snippet;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.TagHelpers;

/// <summary>What the call tag helpers share: the request's options and the rendering of one call.</summary>
internal static class CallTagHelperSupport
{
    /// <summary>
    /// Returns the request's options, or null when the package is off, its options are invalid, or the person
    /// must not be tracked (an opted-out endpoint, no consent, or Global Privacy Control).
    /// </summary>
    public static CioOptions? GetEnabledOptions(HttpContext context, IOptionsMonitor<CioOptions> monitor, ILogger logger)
    {
        var options = context.Features.Get<CioPageFeature>()?.Options ?? CioOptionsAccess.TryGetCurrent(monitor, logger);
        return options is { Enabled: true } && TrackingGate.GetBlockReason(context, options) == SkipReason.None
            ? options
            : null;
    }

    public static CioCallFactory CreateFactory(HttpContext context, ILogger logger) =>
        new(logger, context.Request.Path.Value ?? "/");

    /// <summary>Replaces the tag with the call's script element, which carries the request's CSP nonce.</summary>
    public static void Render(TagHelperOutput output, CioCall? call, HttpContext context, CioOptions options)
    {
        output.TagName = null;
        if (call is null)
        {
            output.SuppressOutput();
            return;
        }

        output.Content.SetHtmlContent(CioCallScript.ToHtml([call], CspNonce.Get(context, options.Csp)));
    }
}
