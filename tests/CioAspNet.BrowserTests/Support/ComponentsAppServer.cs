using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SampleComponents.Components;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// The Razor components sample (sample-components) on real Kestrel at <c>127.0.0.1</c> on a free port, with
/// <c>Cio:TrackEnhancedNavigation=true</c>. <see cref="App"/>, the sample's root component, marks its assembly for
/// <see cref="WebApplicationFactory{TEntryPoint}"/>, which starts that assembly's entry point.
/// </summary>
public sealed class ComponentsAppServer : WebApplicationFactory<App>, IAsyncLifetime
{
    private Uri? _baseAddress;

    /// <summary>Creates the server, which <see cref="InitializeAsync"/> starts.</summary>
    public ComponentsAppServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel listens on, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>Returns the absolute URL of <paramref name="path"/> on this server, as <c>location.href</c> shows it.</summary>
    public string UrlOf(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Starts Kestrel and reads the port that it bound.</summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        _baseAddress = new Uri(addresses.Addresses.Single());
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cio:TrackEnhancedNavigation", "true");
    }
}
