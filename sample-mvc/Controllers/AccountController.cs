using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using SampleMvc.Models;

namespace SampleMvc.Controllers;

/// <summary>Demo sign-in and sign-out with a cookie. Sign-out queues _cio.reset() without code here.</summary>
public sealed class AccountController : Controller
{
    /// <summary>The sign-in page, with one button per demo person.</summary>
    [HttpGet]
    public IActionResult SignIn(string? returnUrl) => View(model: returnUrl);

    /// <summary>Signs in the demo person with this email, then returns to <paramref name="returnUrl"/>.</summary>
    [HttpPost]
    public async Task<IActionResult> SignInAsync(string? email, string? returnUrl)
    {
        var person = DemoPerson.Find(email);
        if (person is null)
        {
            return BadRequest("Unknown demo person.");
        }

        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await HttpContext.SignInAsync(scheme, person.ToPrincipal(scheme));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>Signs out; the next page emits a reset and no identify call.</summary>
    [HttpPost]
    public async Task<IActionResult> SignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToAction("Index", "Home");
    }
}
