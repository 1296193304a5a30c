using CioAspNet;
using Microsoft.AspNetCore.Mvc;

namespace SampleMvc.Controllers;

/// <summary>The sample's pages.</summary>
public sealed class HomeController : Controller
{
    /// <summary>The home page; the middleware inserts the loader before its &lt;/body&gt;.</summary>
    public IActionResult Index() => View();

    /// <summary>A page whose layout places the loader with &lt;cio-snippet /&gt;.</summary>
    public IActionResult Explicit() => View();

    /// <summary>A page that opts out of tracking with [CioDisabled]: it gets no loader and no link rewriting.</summary>
    [CioDisabled]
    public IActionResult Untracked() => View();

    /// <summary>The error page of the Production environment.</summary>
    public IActionResult Error() => View();
}
