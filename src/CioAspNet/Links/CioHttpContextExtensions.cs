using CioAspNet;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Http;

/// <summary>CioAspNet's shortcuts on <see cref="HttpContext"/>.</summary>
public static class CioHttpContextExtensions
{
    /// <summary>Returns the cio_id of the person making the request, or null; see <see cref="ICioIdAccessor"/>.</summary>
    public static string? GetCioId(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<ICioIdAccessor>().GetCioId(context);
    }
}
