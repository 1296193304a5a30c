using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace SampleMvc.Controllers;

/// <summary>
/// The consent banner's endpoint. With <c>Cio:Privacy:RequireConsent</c> on, CioAspNet tracks only after consent.
/// </summary>
public sealed class ConsentController : Controller
{
    /// <summary>Stores the consent cookie, then returns to <paramref name="returnUrl"/>, which now tracks.</summary>
    [HttpPost]
    public IActionResult Accept(string? returnUrl)
    {
        HttpContext.Features.Get<ITrackingConsentFeature>()?.GrantConsent();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
