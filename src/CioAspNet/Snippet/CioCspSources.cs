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

    public CioCspSources(IOptionsMonitor<CioOptions> options, CioLoaderCache loaders)
    {
        _options = options;
        _loaders = loaders;
    }

    public string LoaderHashSource => $"'{_loaders.Get(_options.CurrentValue).Sha256Source}'";

    public IReadOnlyList<string> ScriptSources
    {
        get
        {
            var options = _options.CurrentValue;
            var scriptUrl = new Uri(_loaders.Get(options).ScriptUrl);
            var origin = scriptUrl.GetLeftPart(UriPartial.Authority);
            return options.UseInApp ? [origin, "https://code.gist.build"] : [origin];
        }
    }

    public IReadOnlyList<string> ConnectSources
    {
        get
        {
            var options = _options.CurrentValue;
            var track = options.Region == CioRegion.Eu ? "https://track-eu.customer.io" : "https://track.customer.io";
            return options.UseInApp ? [track, "https://*.api.gist.build", "https://*.cloud.gist.build"] : [track];
        }
    }
}
