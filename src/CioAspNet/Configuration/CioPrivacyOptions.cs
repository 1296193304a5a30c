namespace CioAspNet;

/// <summary>Settings that withhold tracking from people who did not agree to it, bound from <c>Cio:Privacy</c>.</summary>
public sealed class CioPrivacyOptions
{
    /// <summary>
    /// Whether tracking waits for consent: the loader, calls, identify output, link rewriting and the cio_id cookie
    /// happen only when <c>ITrackingConsentFeature.CanTrack</c> is true, as set by <c>app.UseCookiePolicy()</c>.
    /// Default: <see langword="false"/>.
    /// </summary>
    public bool RequireConsent { get; set; }

    /// <summary>
    /// Whether a request with the Global Privacy Control header <c>Sec-GPC: 1</c> gets no tracking at all.
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool HonorGlobalPrivacyControl { get; set; } = true;
}
