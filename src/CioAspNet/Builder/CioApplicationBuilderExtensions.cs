using CioAspNet.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Places CioAspNet's middleware in the request pipeline.</summary>
public static class CioApplicationBuilderExtensions
{
    /// <summary>
    /// Places the middleware here instead of at the start of the pipeline, for example after
    /// <c>app.UseResponseCompression()</c> so that it sees pages before they are compressed. A second call adds
    /// nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">AddCio() was not called.</exception>
    public static IApplicationBuilder UseCio(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var marker = app.ApplicationServices.GetService<CioPipelineMarker>() ?? throw new InvalidOperationException(
            "CioAspNet's services are not registered. Call builder.Services.AddCio() in start-up before app.UseCio().");
        if (marker.PlacedExplicitly)
        {
            return app;
        }

        marker.PlacedExplicitly = true;
        return app.UseMiddleware<CioMiddleware>();
    }
}
