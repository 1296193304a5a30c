using System.Security.Claims;
using CioAspNet.Calls;
using CioAspNet.Logging;
using CioAspNet.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.TagHelpers;

/// <summary>
/// Renders an identify call for the signed-in person, and nothing for an anonymous request. The person comes from
/// <see cref="ICioIdentityResolver"/>, by default the claims that <c>Cio:Identify</c> maps. More attributes come
/// from <c>attributes="@dictionary"</c> and <c>attr-name="value"</c>, which replace mapped ones of the same name.
/// </summary>
/// <remarks>
/// A response with an identify call gets <c>Cache-Control: private</c> and is not stored by output caching. On
/// the response that signs the person out, it renders nothing. When the page emits a reset carried over from a
/// sign-out, the identify call is queued to follow that reset instead of rendering in place.
/// </remarks>
[HtmlTargetElement("cio-identify", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CioIdentifyTagHelper : TagHelper
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly ICioIdentityResolver _resolver;
    private readonly ILogger _logger;

    /// <summary>Creates the tag helper; Razor calls it with the services of the request.</summary>
    public CioIdentifyTagHelper(
        IOptionsMonitor<CioOptions> options, ICioIdentityResolver resolver, ILogger<CioIdentifyTagHelper> logger)
    {
        _options = options;
        _resolver = resolver;
        _logger = logger;
    }

    /// <summary>Attributes to add, by name; values are serialized with System.Text.Json.</summary>
    [HtmlAttributeName("attributes")]
    public IDictionary<string, object?>? Attributes { get; set; }

    /// <summary>String attributes to add, one per <c>attr-</c> tag attribute: <c>attr-plan="pro"</c> sends <c>plan</c>.</summary>
    [HtmlAttributeName(DictionaryAttributePrefix = "attr-")]
    public IDictionary<string, string?> AttributeValues { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The view context, set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        var options = CallTagHelperSupport.GetEnabledOptions(http, _options, _logger);
        var call = options is null ? null : await CreateCallAsync(http, options);
        if (call is not null && CioCallQueue.Get(http).ResetCarried)
        {
            CioCallQueue.Get(http).Enqueue(call);
            call = null;
        }
        else if (call is not null)
        {
            MarkPrivate(http);
        }

        CallTagHelperSupport.Render(output, call, http, options!);
    }

    private void MarkPrivate(HttpContext http)
    {
        // Razor buffers the view, so the response has normally not started while tag helpers run.
        if (http.Response.HasStarted)
        {
            Log.CacheHeadersNotSet(_logger, http.Request.Path.Value ?? "/");
        }

        PrivateResponse.Mark(http);
    }

    private async Task<CioCall?> CreateCallAsync(HttpContext http, CioOptions options)
    {
        var principal = http.User;
        if (!principal.Identities.Any(identity => identity.IsAuthenticated))
        {
            return null;
        }

        var path = http.Request.Path.Value ?? "/";
        if (CioCallQueue.Get(http).ResetQueued)
        {
            Log.IdentifySkippedAfterSignOut(_logger, path);
            return null;
        }

        var identity = await ResolveAsync(principal, http, path);
        return identity is null
            ? null
            : CallTagHelperSupport.CreateFactory(http, _logger).CreateIdentify(identity, options.Identify.Identifier, ExtraAttributes());
    }

    private async Task<CioIdentity?> ResolveAsync(ClaimsPrincipal principal, HttpContext http, string path)
    {
        try
        {
            return await _resolver.ResolveAsync(principal, http);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing lookup, such as a database that is down, costs the identify call but not the page.
            Log.IdentityResolverFailed(_logger, _resolver.GetType().FullName ?? "?", path, ex);
            return null;
        }
    }

    private IEnumerable<KeyValuePair<string, object?>> ExtraAttributes()
    {
        foreach (var attribute in Attributes ?? new Dictionary<string, object?>())
        {
            yield return attribute;
        }

        foreach (var (name, value) in AttributeValues)
        {
            yield return KeyValuePair.Create(name, (object?)value);
        }
    }
}
