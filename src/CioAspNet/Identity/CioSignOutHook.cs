using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CioAspNet.Identity;

/// <summary>
/// Queues <c>_cio.reset()</c> whenever cookie authentication signs a person out, so that the app writes no code for
/// it. The reset reaches the next page through the carry-over cookie when sign-out redirects.
/// </summary>
/// <remarks>
/// NOTE: this wraps <see cref="CookieAuthenticationEvents.OnSigningOut"/> of <c>Options.Events</c>. A scheme that
/// sets <c>EventsType</c>, or an events subclass whose <c>SigningOut</c> override does not call the base method,
/// bypasses it; such an app calls <see cref="ICioCalls.Reset"/> itself.
/// </remarks>
internal sealed class CioSignOutHook : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        var events = options.Events;
        var previous = events.OnSigningOut;
        events.OnSigningOut = context =>
        {
            context.HttpContext.GetCioCalls().Reset();
            return previous(context);
        };
    }
}
