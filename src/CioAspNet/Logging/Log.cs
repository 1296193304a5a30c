using Microsoft.Extensions.Logging;

namespace CioAspNet.Logging;

/// <summary>Every log message of the package, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Response to {Path} not rewritten: {Reason}.", EventName = "ResponseSkipped")]
    public static partial void ResponseSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(2, LogLevel.Warning,
        "A response to {Path} has Content-Encoding '{ContentEncoding}' and passed through without the Customer.io " +
        "snippet. Call app.UseCio() after app.UseResponseCompression(), so that CioAspNet sees the page before it is " +
        "compressed. This warning is logged once.",
        EventName = "CompressedResponse")]
    public static partial void CompressedResponse(ILogger logger, string path, string contentEncoding);

    [LoggerMessage(3, LogLevel.Debug, "Inserted the Customer.io snippet into the response to {Path}.",
        EventName = "SnippetInserted")]
    public static partial void SnippetInserted(ILogger logger, string path);

    [LoggerMessage(4, LogLevel.Debug,
        "The response to {Path} ended without a </body> end tag, so nothing was inserted.",
        EventName = "BodyEndTagNotFound")]
    public static partial void BodyEndTagNotFound(ILogger logger, string path);

    [LoggerMessage(5, LogLevel.Debug,
        "The response to {Path} already carries the Customer.io loader, so only queued calls were inserted.",
        EventName = "LoaderAlreadyPresent")]
    public static partial void LoaderAlreadyPresent(ILogger logger, string path);

    [LoggerMessage(6, LogLevel.Debug,
        "{Count} tag(s) in the response to {Path} were longer than {MaxBytes} bytes and passed through unchanged.",
        EventName = "TagsTooLong")]
    public static partial void TagsTooLong(ILogger logger, string path, int count, int maxBytes);

    [LoggerMessage(7, LogLevel.Error,
        "The Cio options are invalid after a configuration change, so responses pass through unchanged until " +
        "the configuration is fixed: {Failures}",
        EventName = "InvalidOptionsAfterReload")]
    public static partial void InvalidOptionsAfterReload(ILogger logger, string failures);

    [LoggerMessage(8, LogLevel.Warning,
        "Cio:Privacy:RequireConsent is true, but the request to {Path} has no ITrackingConsentFeature, so tracking is " +
        "withheld from every request. Call app.UseCookiePolicy() before the endpoints. This warning is logged once.",
        EventName = "ConsentFeatureMissing")]
    public static partial void ConsentFeatureMissing(ILogger logger, string path);

    [LoggerMessage(40, LogLevel.Debug,
        "Ignored an invalid _cio_id from the {Source} of the request to {Path} (length {Length}; -1 when repeated). " +
        "A cio_id has 1 to 64 ASCII letters and digits.",
        EventName = "InvalidCioIdIgnored")]
    public static partial void InvalidCioIdIgnored(ILogger logger, string path, string source, int length);

    [LoggerMessage(41, LogLevel.Debug, "Remembered the _cio_id of the request to {Path} in a cookie.",
        EventName = "CioIdRemembered")]
    public static partial void CioIdRemembered(ILogger logger, string path);

    [LoggerMessage(42, LogLevel.Debug, "Appended _cio_id to {Count} link(s) in the response to {Path}.",
        EventName = "LinksRewritten")]
    public static partial void LinksRewritten(ILogger logger, string path, int count);
}
