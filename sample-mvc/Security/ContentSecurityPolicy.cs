using System.Security.Cryptography;
using CioAspNet;
using Microsoft.Extensions.Options;

namespace SampleMvc.Security;

/// <summary>
/// The sample's strict, nonce-based Content-Security-Policy: a fresh nonce per request, stored where CioAspNet reads
/// it, so that the loader and every call script carry it. Inline scripts without the nonce do not run.
/// </summary>
/// <remarks>
/// The Customer.io hosts come from its CSP page for the classic <c>_cio</c> snippet
/// (docs.customer.io/integrations/data-in/connections/javascript/legacy-js/content-security-policy):
/// assets.customer.io serves track.js, track.customer.io (track-eu.customer.io in the EU) receives events and page
/// view images, and the gist.build hosts serve in-app messages. That page also lists <c>'unsafe-inline'</c> and
/// <c>'unsafe-eval'</c> in <c>script-src</c>. The nonce replaces <c>'unsafe-inline'</c> here.
/// NOTE: <c>'unsafe-eval'</c> is left out. Whether track.js needs it is untested, because the browser tests never
/// load track.js; add it if track.js reports a blocked eval.
/// </remarks>
public static class ContentSecurityPolicy
{
    /// <summary>The <c>HttpContext.Items</c> key of the nonce, the package's default <c>Cio:Csp:NonceItemKey</c>.</summary>
    public const string NonceItemKey = CioCspOptions.DefaultNonceItemKey;

    /// <summary>The nonce size in bytes: 128 bits, the minimum that MDN's page on the nonce attribute recommends.</summary>
    public const int NonceBytes = 16;

    /// <summary>Returns a new random nonce, base64-encoded.</summary>
    public static string CreateNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(NonceBytes));

    /// <summary>Returns the request's nonce, for the <c>nonce</c> attribute of the app's own inline scripts.</summary>
    public static string? GetCspNonce(this HttpContext context) => context.Items[NonceItemKey] as string;

    /// <summary>Returns the header value for one nonce, with the Customer.io hosts that the options need.</summary>
    public static string Build(string nonce, CioOptions options)
    {
        var trackHost = options.Region == CioRegion.Eu ? "https://track-eu.customer.io" : "https://track.customer.io";
        var scriptHost = options.ScriptUrl is { } url
            ? new Uri(url).GetLeftPart(UriPartial.Authority)
            : "https://assets.customer.io";

        // 'strict-dynamic' lets the nonced loader add track.js. Browsers without CSP level 3 use the host instead.
        List<string> script = [$"'nonce-{nonce}'", "'strict-dynamic'", scriptHost];
        List<string> connect = ["'self'", trackHost];
        List<string> style = ["'self'"];
        var directives = new List<string> { "default-src 'self'" };
        if (options.UseInApp)
        {
            script.Add("https://code.gist.build");
            connect.AddRange(["https://*.api.gist.build", "https://*.cloud.gist.build"]);
            style.AddRange(["https://code.gist.build", "'unsafe-inline'"]);
            directives.Add("frame-src https://renderer.gist.build https://code.gist.build");
        }

        directives.AddRange(
        [
            "script-src " + string.Join(' ', script),
            "connect-src " + string.Join(' ', connect),
            $"img-src 'self' {trackHost}",
            "style-src " + string.Join(' ', style),
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]);
        return string.Join("; ", directives);
    }

    /// <summary>
    /// Adds the middleware that sets the nonce and the header on every response. Put it before any middleware that
    /// writes a body, such as the static file middleware.
    /// </summary>
    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app)
    {
        var monitor = app.ApplicationServices.GetRequiredService<IOptionsMonitor<CioOptions>>();
        return app.Use((context, next) =>
        {
            var nonce = CreateNonce();
            context.Items[NonceItemKey] = nonce;
            context.Response.Headers.ContentSecurityPolicy = Build(nonce, CurrentOptions(monitor));
            return next(context);
        });
    }

    // After a reload with invalid settings CioAspNet turns itself off, and the policy falls back to the defaults.
    private static CioOptions CurrentOptions(IOptionsMonitor<CioOptions> monitor)
    {
        try
        {
            return monitor.CurrentValue;
        }
        catch (OptionsValidationException)
        {
            return new CioOptions();
        }
    }
}
