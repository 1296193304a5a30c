using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace CioAspNet.Calls;

/// <summary>Keeps a response that carries per-person calls out of output caching and shared caches.</summary>
internal static class PrivateResponse
{
    /// <summary>
    /// Turns off output cache storage and makes <c>Cache-Control</c> private. Returns false when the response had
    /// started, so its headers could not be changed.
    /// </summary>
    public static bool TryMark(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }

        var response = context.Response;
        if (response.HasStarted)
        {
            return false;
        }

        var current = response.Headers.CacheControl.ToString();
        var updated = MakePrivate(current);
        if (!string.Equals(current, updated, StringComparison.Ordinal))
        {
            response.Headers.CacheControl = updated;
        }

        return true;
    }

    /// <summary>
    /// Returns <paramref name="cacheControl"/> with <c>private</c> in place of <c>public</c> and without
    /// <c>s-maxage</c>. A value with <c>no-store</c>, which is stricter, is returned unchanged.
    /// </summary>
    public static string MakePrivate(string cacheControl)
    {
        if (!CacheControlHeaderValue.TryParse(cacheControl, out var value))
        {
            return "private";
        }

        if (value.NoStore || (value.Private && value.PrivateHeaders.Count == 0 && !value.Public))
        {
            return cacheControl;
        }

        value.Public = false;
        value.Private = true;
        value.PrivateHeaders.Clear();
        value.SharedMaxAge = null;
        return value.ToString();
    }
}
