using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace CioAspNet.Middleware;

/// <summary>
/// Keeps output caching from storing a response that a tag helper wrote per-request script into: the nonce and the
/// tracking decision belong to this request, and a stored copy would reach people who must not get them.
/// </summary>
internal static class OutputCacheGuard
{
    /// <summary>Whether output caching may store the response being written.</summary>
    public static bool IsActive(HttpContext context) => context.Features.Get<IOutputCacheFeature>() is not null;

    public static void PreventStorage(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            feature.Context.AllowCacheStorage = false;
        }
    }
}
