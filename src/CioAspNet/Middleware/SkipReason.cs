namespace CioAspNet.Middleware;

/// <summary>Why a response passes through without being rewritten.</summary>
internal enum SkipReason
{
    None,
    HeadRequest,
    StatusWithoutBody,
    PartialContent,
    ContentEncoded,
    NotHtml,
    UnsupportedCharset,
    StartedWithContentLength,
    EndpointOptedOut,
    GlobalPrivacyControl,
    NoTrackingConsent,
    ConsentFeatureMissing,
}

internal static class SkipReasonExtensions
{
    public static string Describe(this SkipReason reason) => reason switch
    {
        SkipReason.HeadRequest => "the request is a HEAD request",
        SkipReason.StatusWithoutBody => "the status code allows no body",
        SkipReason.PartialContent => "it is a range or partial content response",
        SkipReason.ContentEncoded => "the body is already encoded (Content-Encoding is set)",
        SkipReason.NotHtml => "the Content-Type is not text/html",
        SkipReason.UnsupportedCharset => "the charset is not ASCII-compatible",
        SkipReason.StartedWithContentLength => "the response started with a Content-Length before CioAspNet saw it",
        SkipReason.EndpointOptedOut => "the endpoint has [CioDisabled] or DisableCio()",
        SkipReason.GlobalPrivacyControl => "the request sent Sec-GPC: 1 and Cio:Privacy:HonorGlobalPrivacyControl is true",
        SkipReason.NoTrackingConsent => "the person has not given tracking consent (Cio:Privacy:RequireConsent)",
        SkipReason.ConsentFeatureMissing =>
            "Cio:Privacy:RequireConsent is true but the request has no consent feature; call app.UseCookiePolicy()",
        _ => "no reason",
    };
}
