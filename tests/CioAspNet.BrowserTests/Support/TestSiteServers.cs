using CioAspNet.BrowserTests.TestSite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// The sample plus the test-only <see cref="HostileValuesController"/> and its view, which this assembly compiles.
/// The pages of the sample stay as they are.
/// </summary>
public sealed class HostileValuesSampleAppServer() : SampleAppServer(new Dictionary<string, string>())
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The assembly part brings the controller, and the Razor SDK's part factory adds the compiled view.
        builder.ConfigureServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(HostileValuesController).Assembly));
    }
}

/// <summary>The sample started with <c>--Cio:Privacy:RequireConsent=true</c>, which shows its consent banner.</summary>
public sealed class ConsentSampleAppServer() : SampleAppServer(new Dictionary<string, string>
{
    ["Cio:Privacy:RequireConsent"] = "true",
});
