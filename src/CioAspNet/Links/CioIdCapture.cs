using CioAspNet.Logging;
using CioAspNet.Middleware;
using CioAspNet.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Links;

/// <summary>
/// Remembers a valid incoming <c>_cio_id</c> in a first-party cookie: HttpOnly, Secure on HTTPS, SameSite=Lax.
/// An invalid value is dropped with a Debug log, and never copied into a cookie, header or page.
/// </summary>
internal static class CioIdCapture
{
    public static void Capture(HttpContext context, CioOptions cioOptions, ILogger logger)
    {
        var options = cioOptions.Links;
        var request = context.Request;
        if (!request.Query.TryGetValue(LinkUrl.ParameterName, out var values))
        {
            return;
        }

        if (!CioIdAccessor.TryGetQueryValue(request, out var cioId))
        {
            var length = values.Count == 1 ? values[0]?.Length ?? 0 : -1;
            Log.InvalidCioIdIgnored(logger, request.Path, "query", length);
            return;
        }

        if (string.Equals(request.Cookies[options.CookieName], cioId, StringComparison.Ordinal))
        {
            return;
        }

        context.Response.OnStarting(() =>
        {
            // The endpoint and the consent are known only now, after routing and the cookie policy ran.
            if (TrackingGate.GetBlockReason(context, cioOptions) != SkipReason.None)
            {
                return Task.CompletedTask;
            }

            context.Response.Cookies.Append(options.CookieName, cioId, new CookieOptions
            {
                HttpOnly = true,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = options.CookieLifetime,
            });
            Log.CioIdRemembered(logger, request.Path);
            return Task.CompletedTask;
        });
    }
}
