using CioAspNet.Logging;
using Microsoft.AspNetCore.Http;

namespace CioAspNet.Calls;

// The delivery half of CioCallQueue. When the response starts, the calls go one of three ways. An HTML page that the
// middleware rewrites emits them with the carried calls, and the cookie is deleted. A redirect writes the carried
// and new calls to the carry-over cookie. Any other response emits nothing and leaves the cookie alone, so that a
// stylesheet or JSON request between a redirect and its page does not consume it.
internal sealed partial class CioCallQueue
{
    private DeliveryState _state;
    private bool _emitCarried;

    private enum DeliveryState
    {
        Open,
        Page,
        Closed,
    }

    /// <summary>Whether a reset was queued during this request, which means the principal has just signed out.</summary>
    public bool ResetQueued => _calls.Exists(call => call.IsReset);

    /// <summary>Whether the carry-over cookie contains a reset that this page will emit.</summary>
    public bool ResetCarried => Carried.Any(call => call.IsReset);

    /// <summary>
    /// Takes the calls for a page that the middleware rewrites. Runs at the first write, before the response
    /// starts, so that the cookie can still be deleted and the cache headers set.
    /// </summary>
    public void BeginPage()
    {
        var response = _context.Response;
        if (_state != DeliveryState.Open || IsRedirect(response.StatusCode))
        {
            return;
        }

        _state = DeliveryState.Page;
        if (!response.HasStarted && IsTopLevelNavigation(_context.Request) && ReadCarried().CookiePresent)
        {
            CarryOverCookie.Delete(_context, _options!.Calls.CookieName);
            _emitCarried = true;
        }

        if (_calls.Count > 0 || (_emitCarried && Carried.Count > 0))
        {
            MarkPrivate();
        }
    }

    /// <summary>Returns the calls to emit before the page's <c>&lt;/body&gt;</c>, carried ones first, once.</summary>
    public IReadOnlyList<CioCall> TakePageCalls()
    {
        if (_state != DeliveryState.Page)
        {
            return [];
        }

        _state = DeliveryState.Closed;
        IReadOnlyList<CioCall> calls = _emitCarried ? [.. Carried, .. _calls] : [.. _calls];
        if (calls.Count > 0)
        {
            Log.CallsEmitted(_logger, calls.Count, Path);
        }

        return calls;
    }

    /// <summary>Logs the calls that were taken for a page but not emitted, because it had no <c>&lt;/body&gt;</c>.</summary>
    public void CompletePage(bool inserted)
    {
        if (_state != DeliveryState.Page || inserted)
        {
            return;
        }

        _state = DeliveryState.Closed;
        var count = _calls.Count + (_emitCarried ? Carried.Count : 0);
        if (count > 0)
        {
            Log.CallsDiscarded(_logger, count, Path, "the page has no </body> end tag");
        }
    }

    /// <summary>Runs from <c>Response.OnStarting</c>: writes the carry-over cookie on a redirect.</summary>
    public void OnResponseStarting()
    {
        if (_state != DeliveryState.Open)
        {
            return;
        }

        _state = DeliveryState.Closed;
        if (IsRedirect(_context.Response.StatusCode))
        {
            WriteCarryOver();
        }
        else if (_calls.Count > 0 && !HttpMethods.IsHead(_context.Request.Method))
        {
            // A HEAD response has no body, so its calls are dropped silently; monitors send many of them.
            Log.CallsDiscarded(_logger, _calls.Count, Path,
                "the response is neither an HTML page that CioAspNet rewrites nor a redirect");
        }
    }

    private void WriteCarryOver()
    {
        var carried = ReadCarried();
        if (_calls.Count == 0 && !carried.Invalid)
        {
            // The cookie, if there is one, still contains every pending call.
            return;
        }

        var cookieName = _options!.Calls.CookieName;
        if (_calls.Count == 0)
        {
            CarryOverCookie.Delete(_context, cookieName);
            return;
        }

        _cookie.Write(_context, cookieName, [.. carried.Calls, .. _calls], _logger);
        MarkPrivate();
    }

    private static bool IsRedirect(int statusCode) =>
        statusCode is >= 300 and < 400 && statusCode != StatusCodes.Status304NotModified;

    // Sec-Fetch-Dest is "document" for a navigation, and "empty" for fetch() or XMLHttpRequest, whose HTML
    // fragments must not consume the cookie. Browsers that do not send it are taken as navigating.
    private static bool IsTopLevelNavigation(HttpRequest request)
    {
        var destination = request.Headers["Sec-Fetch-Dest"];
        return destination.Count == 0 || string.Equals(destination[0], "document", StringComparison.OrdinalIgnoreCase);
    }
}
