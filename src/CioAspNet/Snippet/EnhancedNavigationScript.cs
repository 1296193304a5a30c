using System.Buffers;
using System.Text;

namespace CioAspNet.Snippet;

/// <summary>
/// The inline script that pushes <c>["page", location.href]</c> onto <c>window._cio</c> after each enhanced
/// navigation of Blazor's blazor.web.js. Enhanced navigation fetches the next page and merges it into the current
/// document, so track.js loads once and sends no page view for the pages that follow.
/// </summary>
/// <remarks>
/// The script listens to Blazor's <c>enhancedload</c> event, which blazor.web.js (ASP.NET Core 10) raises after
/// each enhanced page update: a navigation, an enhanced form post and every streaming rendering update. A page view
/// is pushed only when <c>location.href</c> differs from the last one, so streaming updates and form posts that
/// stay on the same URL add none. <c>window.Blazor</c> may not exist yet when the script runs, for example when
/// blazor.web.js is deferred or placed after it, so the script retries on <c>DOMContentLoaded</c>, on <c>load</c>
/// and every 100 ms, at most 100 times (10 seconds). The flag <c>window.__cioEnhancedNav</c> keeps a second copy
/// of the script in the same document from adding a second listener.
/// </remarks>
internal static class EnhancedNavigationScript
{
    /// <summary>The attribute that marks the script element, for tests and for people reading the page source.</summary>
    public const string MarkerAttribute = "data-cio-enhanced-nav";

    public const int PollIntervalMilliseconds = 100;
    public const int PollMaxTries = 100;

    private static readonly byte[] Script = Encoding.UTF8.GetBytes(
        "(function () {\n" +
        "  if (window.__cioEnhancedNav) { return; }\n" +
        "  window.__cioEnhancedNav = true;\n" +
        "  var lastUrl = location.href;\n" +
        "  var attached = false;\n" +
        "  var tries = 0;\n" +
        "  var onEnhancedLoad = function () {\n" +
        "    if (location.href === lastUrl) { return; }\n" +
        "    lastUrl = location.href;\n" +
        "    (window._cio = window._cio || []).push([\"page\", location.href]);\n" +
        "  };\n" +
        "  var attach = function () {\n" +
        "    var blazor = window.Blazor;\n" +
        "    if (attached || !blazor || typeof blazor.addEventListener !== \"function\") { return; }\n" +
        "    attached = true;\n" +
        "    blazor.addEventListener(\"enhancedload\", onEnhancedLoad);\n" +
        "  };\n" +
        "  var poll = function () {\n" +
        "    attach();\n" +
        $"    if (!attached && ++tries < {PollMaxTries}) {{ setTimeout(poll, {PollIntervalMilliseconds}); }}\n" +
        "  };\n" +
        "  attach();\n" +
        "  if (!attached) {\n" +
        "    document.addEventListener(\"DOMContentLoaded\", attach);\n" +
        "    window.addEventListener(\"load\", attach);\n" +
        $"    setTimeout(poll, {PollIntervalMilliseconds});\n" +
        "  }\n" +
        "})();\n");

    /// <summary>Writes the script element, with the request's CSP nonce when there is one.</summary>
    public static void WriteTo(IBufferWriter<byte> output, string? nonce)
    {
        ScriptElement.WriteStart(output, nonce, MarkerAttribute);
        output.Write(Script);
        ScriptElement.WriteEnd(output);
    }
}
