using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// The sample app on real Kestrel at <c>127.0.0.1</c> on a free port, so that Chromium reaches it over a socket.
/// Each subclass is one configuration, given as settings that act like command-line overrides
/// (<c>--Cio:Region=Eu</c>).
/// </summary>
public abstract class SampleAppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Uri? _baseAddress;

    /// <summary>Creates a server whose configuration is the sample's appsettings with the given overrides.</summary>
    protected SampleAppServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel listens on, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>The app's configuration after every override, the source of the values that tests expect.</summary>
    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    /// <summary>Starts Kestrel and reads the port that it bound.</summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        _baseAddress = new Uri(addresses.Addresses.Single());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Returns a setting of the app's configuration, and throws when it is missing, so that a test never compares
    /// against a guessed default.
    /// </summary>
    public string GetRequiredSetting(string key) =>
        Configuration[key] ?? throw new InvalidOperationException(
            $"The sample's configuration has no '{key}'. Set it in sample-mvc/appsettings.json or in the server's " +
            "overrides, so that the tests know the expected value.");

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The sample as its appsettings.json configures it: the US region.</summary>
public sealed class UsSampleAppServer() : SampleAppServer(new Dictionary<string, string>());

/// <summary>
/// The sample with <c>Cio:Region=Eu</c>, another site id and every flag flipped, so that each attribute is seen to
/// follow the configuration rather than a default.
/// </summary>
public sealed class EuSampleAppServer() : SampleAppServer(new Dictionary<string, string>
{
    ["Cio:Region"] = "Eu",
    ["Cio:SiteId"] = "eu0browser0test0site",
    ["Cio:UseArrayParams"] = "false",
    ["Cio:AutoTrackPage"] = "false",
    ["Cio:UseInApp"] = "true",
});
