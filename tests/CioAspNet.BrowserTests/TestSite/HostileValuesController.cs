using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace CioAspNet.BrowserTests.TestSite;

/// <summary>
/// Test-only pages that the hostile-values server adds to the sample. They render calls whose values are
/// <see cref="HostileValues"/> through every way into a page: claims, tag helpers and the server-side queue.
/// </summary>
public sealed class HostileValuesController : Controller
{
    /// <summary>The claim that the sample's <c>Cio:Identify:AttributeClaims</c> maps to the attribute <c>plan</c>.</summary>
    public const string PlanClaimType = "plan";

    /// <summary>The given name claim of the signed-in person.</summary>
    public const string FirstName = HostileValues.Quotes + HostileValues.Backslashes;

    /// <summary>The surname claim of the signed-in person.</summary>
    public const string LastName = HostileValues.LineSeparator + HostileValues.ParagraphSeparator + HostileValues.CommentOpen;

    private readonly ICioCalls _cio;

    /// <summary>Creates the controller with the request's Customer.io calls.</summary>
    public HostileValuesController(ICioCalls cio)
    {
        _cio = cio;
    }

    /// <summary>
    /// Signs in a person whose claims are hostile values, queues a track call that the carry-over cookie takes
    /// across the redirect, and redirects to <see cref="Index"/>.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> SignIn()
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, HostileValues.All),
            new(ClaimTypes.Email, HostileValues.ScriptBreakout),
            new(ClaimTypes.GivenName, FirstName),
            new(ClaimTypes.Surname, LastName),
            new(PlanClaimType, HostileValues.All),
        ];
        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await HttpContext.SignInAsync(scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)));

        _cio.Track("hostileCarried", HostileValues.Data);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The page: tag helpers in the view, and calls queued here that the middleware emits.</summary>
    [HttpGet]
    public IActionResult Index()
    {
        _cio.Track("hostileQueued", HostileValues.Data);
        _cio.Identify(HostileValues.All, new Dictionary<string, string>(HostileValues.Data) { ["source"] = "queue" });
        return View("/TestViews/HostileValues.cshtml");
    }
}
