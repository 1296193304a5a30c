using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace CioAspNet.Middleware;

/// <summary>
/// Keeps a response that carries one person's data out of shared caches: output caching does not store it, and
/// <c>Cache-Control</c> becomes <c>private</c> unless the app already set <c>private</c> or <c>no-store</c>.
/// </summary>
internal static class PrivateResponse
{
    /// <summary>Marks the response; call it before the response starts.</summary>
    public static void Mark(HttpContext context)
    {
        var outputCache = context.Features.Get<IOutputCacheFeature>();
        if (outputCache is not null)
        {
            outputCache.Context.AllowCacheStorage = false;
        }

        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        if (!CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl))
        {
            cacheControl = new CacheControlHeaderValue();
        }

        if (cacheControl.NoStore || (cacheControl.Private && cacheControl.PrivateHeaders.Count == 0))
        {
            return;
        }

        // "public" and shared-cache lifetimes would let a proxy serve this person's page to someone else.
        cacheControl.Public = false;
        cacheControl.SharedMaxAge = null;
        cacheControl.Private = true;
        cacheControl.PrivateHeaders.Clear();
        response.Headers.CacheControl = cacheControl.ToString();
    }
}
