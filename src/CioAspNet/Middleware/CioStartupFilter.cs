using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.Middleware;

/// <summary>
/// Puts <see cref="CioMiddleware"/> at the start of the pipeline when the app does not call <c>app.UseCio()</c>.
/// </summary>
internal sealed class CioStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        var marker = builder.ApplicationServices.GetRequiredService<CioPipelineMarker>();

        // The factory runs when the pipeline is built, after the app's own configuration, so it sees UseCio().
        builder.Use(nextDelegate => marker.PlacedExplicitly
            ? nextDelegate
            : ActivatorUtilities.CreateInstance<CioMiddleware>(builder.ApplicationServices, nextDelegate).InvokeAsync);
        next(builder);
    };
}
