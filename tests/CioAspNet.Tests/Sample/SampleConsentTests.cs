using System.Net;
using AngleSharp.Html.Dom;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CioAspNet.Tests.Sample;

public sealed class SampleConsentTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const string LoaderMarker = "data-cio-loader";
    private const string BannerId = "consent-banner";

    private readonly WebApplicationFactory<Program> _factory;

    public SampleConsentTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequireConsent_NoCookie_ShowsBannerNotLoader()
    {
        using var factory = WithRequireConsent();
        using var client = CreateClient(factory);

        var html = await client.GetStringAsync("/", Cancel);

        Assert.DoesNotContain(LoaderMarker, html, StringComparison.Ordinal);
        Assert.NotNull(CioScripts.Parse(html).GetElementById(BannerId));
    }

    [Fact]
    public async Task RequireConsent_Accept_ReturnsToPageWithLoader()
    {
        using var factory = WithRequireConsent();
        using var client = CreateClient(factory);

        using var redirect = await AcceptAsync(client, "/Privacy");
        var html = await client.GetStringAsync(redirect.Headers.Location, Cancel);

        Assert.Equal("/Privacy", redirect.Headers.Location?.OriginalString);
        Assert.Contains(LoaderMarker, html, StringComparison.Ordinal);
        Assert.Null(CioScripts.Parse(html).GetElementById(BannerId));
    }

    [Fact]
    public async Task RequireConsent_AcceptedWithGpc_HasNoLoader()
    {
        using var factory = WithRequireConsent();
        using var client = CreateClient(factory);
        using var redirect = await AcceptAsync(client, "/");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Sec-GPC", "1");
        using var response = await client.SendAsync(request, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.DoesNotContain(LoaderMarker, html, StringComparison.Ordinal);
        Assert.Null(CioScripts.Parse(html).GetElementById(BannerId));
    }

    [Fact]
    public async Task ConsentNotRequired_Get_HasLoaderWithoutBanner()
    {
        using var client = CreateClient(_factory);

        var html = await client.GetStringAsync("/", Cancel);

        Assert.Contains(LoaderMarker, html, StringComparison.Ordinal);
        Assert.Null(CioScripts.Parse(html).GetElementById(BannerId));
    }

    private WebApplicationFactory<Program> WithRequireConsent() =>
        _factory.WithWebHostBuilder(web => web.UseSetting("Cio:Privacy:RequireConsent", "true"));

    private static HttpClient CreateClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Submits the banner's Accept form of <paramref name="path"/>, with its antiforgery token.</summary>
    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path, Cancel);
        var button = CioScripts.Parse(html).GetElementById("accept-tracking");
        Assert.NotNull(button);

        var form = (IHtmlFormElement)button.Closest("form")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
