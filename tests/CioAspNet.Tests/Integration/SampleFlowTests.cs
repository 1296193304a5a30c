using System.Net;
using AngleSharp.Html.Dom;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CioAspNet.Tests.Integration;

public sealed class SampleFlowTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client;

    public SampleFlowTests(WebApplicationFactory<Program> factory)
    {
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Submits the form whose submit button has this id, with the page's antiforgery token.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(string pagePath, string buttonId)
    {
        var html = await _client.GetStringAsync(pagePath, Cancel);
        var button = CioScripts.Parse(html).GetElementById(buttonId) ?? throw new InvalidOperationException(buttonId);
        var form = (IHtmlFormElement)button.Closest("form")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        return await _client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields), Cancel);
    }

    private async Task<string> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await _client.GetStringAsync(redirect.Headers.Location, Cancel);
    }

    private async Task<string> SignInAsAdaAsync() => await FollowAsync(await SubmitAsync("/Account/SignIn", "sign-in-ada"));

    [Fact]
    public async Task Sample_SignIn_LayoutIdentifiesAda()
    {
        var home = await SignInAsAdaAsync();

        var identify = Assert.Single(CioScripts.Calls(home), call => call[0].GetString() == "identify");
        Assert.Equal("""{"id":"ada-1815","email":"ada@example.com","created_at":1700000000,"first_name":"Ada","last_name":"Lovelace","plan":"pro"}""",
            identify[1].GetRawText());
    }

    [Fact]
    public async Task Sample_Anonymous_NoIdentify()
    {
        var home = await _client.GetStringAsync("/", Cancel);

        Assert.Empty(CioScripts.Calls(home));
        Assert.Single(CioScripts.Scripts(home), script => script.HasAttribute("data-cio-loader"));
    }

    [Fact]
    public async Task Sample_AddToCart_TracksAnonymously()
    {
        var response = await SubmitAsync("/Shop/Product", "add-to-cart");
        var page = await response.Content.ReadAsStringAsync(Cancel);

        var calls = CioScripts.Calls(page);
        Assert.Equal(["track:addedToCart"], CioScripts.Describe(calls));
        Assert.Equal("""{"useArrayParams":true}""", calls[0][3].GetRawText());
        Assert.Equal("""["books","history"]""", calls[0][2].GetProperty("tags").GetRawText());
    }

    [Fact]
    public async Task Sample_Purchase_ThankYouEmitsPurchasedOnce()
    {
        await SignInAsAdaAsync();

        var thanks = await FollowAsync(await SubmitAsync("/Shop/Product", "purchase"));
        var again = await _client.GetStringAsync("/Shop/ThankYou", Cancel);

        var purchased = Assert.Single(CioScripts.Calls(thanks), call => call[0].GetString() == "track");
        Assert.Equal("purchased", purchased[1].GetString());
        Assert.Equal("23.45", purchased[2].GetProperty("price").GetString());
        Assert.Equal("book-ae-1843", purchased[2].GetProperty("items")[0].GetProperty("sku").GetString());
        Assert.DoesNotContain(CioScripts.Calls(again), call => call[0].GetString() == "track");
    }

    [Fact]
    public async Task Sample_SignOut_ResetsWithoutIdentify()
    {
        await SignInAsAdaAsync();

        var home = await FollowAsync(await SubmitAsync("/", "sign-out"));

        Assert.DoesNotContain(CioScripts.Calls(home), call => call[0].GetString() == "identify");
        Assert.Contains("window._cio.reset();", home, StringComparison.Ordinal);
        Assert.NotNull(CioScripts.Parse(home).GetElementById("sign-in"));
    }
}
