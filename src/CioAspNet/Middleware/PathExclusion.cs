using Microsoft.AspNetCore.Http;

namespace CioAspNet.Middleware;

/// <summary>Matches request paths against <see cref="CioOptions.ExcludedPaths"/>.</summary>
internal static class PathExclusion
{
    public static bool IsExcluded(PathString path, IList<string> excludedPaths)
    {
        for (var i = 0; i < excludedPaths.Count; i++)
        {
            if (path.StartsWithSegments(excludedPaths[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
