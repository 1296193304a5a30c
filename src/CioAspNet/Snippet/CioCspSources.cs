using CioAspNet.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Snippet;

/// <inheritdoc cref="ICioCspSources"/>
/// <remarks>
/// The hosts are those of Customer.io's CSP page for the classic <c>_cio</c> snippet
/// (docs.customer.io/integrations/data-in/connections/javascript/legacy-js/content-security-policy/).
/// </remarks>
internal sealed class CioCspSources : ICioCspSources
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly CioLoaderCache _loaders;
    private readonly ILogger _logger;

    public CioCspSources(IOptionsMonitor<CioOptions> options, CioLoaderCache loaders, ILogger<CioCspSources> logger)
    {
        _options = options;
        _loaders = loaders;
        _logger = logger;
    }

    // Invalid options after a reload turn the package off: it emits no script, so no source is needed.
    private CioOptions? Current => CioOptionsAccess.TryGetCurrent(_options, _logger) is { Enabled: true } options ? options : null;

    public string LoaderHashSource => Current is { } options ? $"'{_loaders.Get(options).Sha256Source}'" : "";

    public IReadOnlyList<string> ScriptSources
    {
        get
        {
            if (Current is not { } options)
            {
                return [];
            }

            var scriptUrl = new Uri(_loaders.Get(options).ScriptUrl);
            var origin = scriptUrl.GetLeftPart(UriPartial.Authority);
            return options.UseInApp ? [origin, "https://code.gist.build"] : [origin];
        }
    }

    public IReadOnlyList<string> ConnectSources
    {
        get
        {
            if (Current is not { } options)
            {
                return [];
            }

            var track = options.Region == CioRegion.Eu ? "https://track-eu.customer.io" : "https://track.customer.io";
            return options.UseInApp ? [track, "https://*.api.gist.build", "https://*.cloud.gist.build"] : [track];
        }
    }
}
