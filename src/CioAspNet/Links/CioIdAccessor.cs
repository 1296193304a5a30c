using CioAspNet.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Links;

/// <inheritdoc cref="ICioIdAccessor"/>
internal sealed class CioIdAccessor : ICioIdAccessor
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly ILogger _logger;

    public CioIdAccessor(IOptionsMonitor<CioOptions> options, ILogger<CioIdAccessor> logger)
    {
        _options = options;
        _logger = logger;
    }

    public string? GetCioId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var links = _options.CurrentValue.Links;

        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirst(links.ClaimType)?.Value is { } claim)
        {
            if (CioIdFormat.IsValid(claim))
            {
                return claim;
            }

            Log.InvalidCioIdIgnored(_logger, context.Request.Path, "claim " + links.ClaimType, claim.Length);
        }

        if (TryGetQueryValue(context.Request, out var query))
        {
            return query;
        }

        var cookie = context.Request.Cookies[links.CookieName];
        return cookie is not null && CioIdFormat.IsValid(cookie) ? cookie : null;
    }

    /// <summary>Reads a single valid <c>_cio_id</c> from the query string.</summary>
    internal static bool TryGetQueryValue(HttpRequest request, out string value)
    {
        value = "";
        if (!request.Query.TryGetValue(LinkUrl.ParameterName, out var values) || values.Count != 1)
        {
            return false;
        }

        value = values[0] ?? "";
        return CioIdFormat.IsValid(value);
    }
}
