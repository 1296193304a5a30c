using CioAspNet.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CioAspNet.Privacy;

/// <summary>
/// Decides whether the person making a request may be tracked: the endpoint has not opted out, consent was given
/// when the app requires it, and no Global Privacy Control signal asks otherwise.
/// </summary>
internal static class TrackingGate
{
    public const string GlobalPrivacyControlHeader = "Sec-GPC";

    /// <summary>Returns why tracking is withheld, or <see cref="SkipReason.None"/> when it is allowed.</summary>
    public static SkipReason GetBlockReason(HttpContext context, CioOptions options)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CioDisabledAttribute>() is not null)
        {
            return SkipReason.EndpointOptedOut;
        }

        if (options.Privacy.HonorGlobalPrivacyControl
            && context.Request.Headers[GlobalPrivacyControlHeader] is { Count: > 0 } signal
            && signal[0]?.Trim() == "1")
        {
            return SkipReason.GlobalPrivacyControl;
        }

        if (options.Privacy.RequireConsent)
        {
            var consent = context.Features.Get<ITrackingConsentFeature>();
            if (consent is null)
            {
                return SkipReason.ConsentFeatureMissing;
            }

            if (!consent.CanTrack)
            {
                return SkipReason.NoTrackingConsent;
            }
        }

        return SkipReason.None;
    }
}
