using CioAspNet;
using CioAspNet.Calls;
using CioAspNet.Configuration;
using CioAspNet.Identity;
using CioAspNet.Links;
using CioAspNet.Middleware;
using CioAspNet.Snippet;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CioAspNet's services.</summary>
public static class CioServiceCollectionExtensions
{
    /// <summary>
    /// Adds CioAspNet, bound to the <c>Cio</c> section of the app's configuration. The middleware joins the
    /// start of the pipeline unless <c>app.UseCio()</c> places it.
    /// </summary>
    public static IServiceCollection AddCio(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IConfigureOptions<CioOptions>>(provider =>
            new CioOptionsSetup(provider.GetRequiredService<IConfiguration>().GetSection(CioOptions.SectionName)));
        services.AddSingleton<IOptionsChangeTokenSource<CioOptions>>(provider =>
            new ConfigurationChangeTokenSource<CioOptions>(
                provider.GetRequiredService<IConfiguration>().GetSection(CioOptions.SectionName)));
        return services.AddCioCore();
    }

    /// <summary>Adds CioAspNet, bound to the given configuration section, which is watched for changes.</summary>
    public static IServiceCollection AddCio(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConfigureOptions<CioOptions>>(new CioOptionsSetup(configuration));
        services.AddSingleton<IOptionsChangeTokenSource<CioOptions>>(
            new ConfigurationChangeTokenSource<CioOptions>(configuration));
        return services.AddCioCore();
    }

    /// <summary>
    /// Adds CioAspNet, bound to the <c>Cio</c> section of the app's configuration, then changed by
    /// <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddCio(this IServiceCollection services, Action<CioOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddCio();
        services.Configure(configure);
        return services;
    }

    private static IServiceCollection AddCioCore(this IServiceCollection services)
    {
        services.AddOptions<CioOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CioOptions>, CioOptionsValidator>());
        services.TryAddSingleton<CioLoaderCache>();
        services.TryAddSingleton<ICioCspSources, CioCspSources>();
        services.TryAddSingleton<DomainAllowListCache>();
        services.TryAddSingleton<ICioIdAccessor, CioIdAccessor>();
        services.TryAddSingleton<ICioLinkRewriter, CioLinkRewriter>();
        services.TryAddSingleton<CioPipelineMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, CioStartupFilter>());
        AddCalls(services);
        return services;
    }

    private static void AddCalls(IServiceCollection services)
    {
        // The carry-over cookie is protected with the app's Data Protection key ring.
        services.AddDataProtection();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<CarryOverCookie>();
        services.TryAddScoped<ICioCalls>(provider =>
        {
            var context = provider.GetRequiredService<IHttpContextAccessor>().HttpContext ?? throw new InvalidOperationException(
                "ICioCalls was resolved outside of a request. Resolve it from the request's services, such as a " +
                "controller's constructor, or call HttpContext.GetCioCalls().");
            return context.GetCioCalls();
        });
        services.TryAddSingleton<CioClaimsIdentityResolver>();
        services.TryAddSingleton<ICioIdentityResolver>(provider => provider.GetRequiredService<CioClaimsIdentityResolver>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, CioSignOutHook>());
    }
}
