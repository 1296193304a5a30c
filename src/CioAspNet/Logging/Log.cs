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

    [LoggerMessage(20, LogLevel.Debug,
        "No identify call for {Path}: the signed-in principal has no claim of the types {ClaimTypes} " +
        "(Cio:Identify:{OptionName}).",
        EventName = "IdentifyClaimMissing")]
    public static partial void IdentifyClaimMissing(ILogger logger, string path, string claimTypes, string optionName);

    [LoggerMessage(21, LogLevel.Debug, "No identify call for {Path}: the identity has no {Identifier}.",
        EventName = "IdentifyWithoutIdentifier")]
    public static partial void IdentifyWithoutIdentifier(ILogger logger, string path, string identifier);

    [LoggerMessage(22, LogLevel.Warning,
        "The identify call of {Path} was not emitted: its identifier is {Bytes} bytes, over the Track API's limit " +
        "of {MaxBytes} bytes.",
        EventName = "IdentifierTooLong")]
    public static partial void IdentifierTooLong(ILogger logger, string path, int bytes, int maxBytes);

    [LoggerMessage(23, LogLevel.Warning,
        "Attribute '{Attribute}' was left out of the identify call of {Path}: its name is {Bytes} bytes, over the " +
        "Track API's limit of {MaxBytes} bytes.",
        EventName = "AttributeNameTooLong")]
    public static partial void AttributeNameTooLong(ILogger logger, string attribute, string path, int bytes, int maxBytes);

    [LoggerMessage(24, LogLevel.Warning,
        "Attribute '{Attribute}' was left out of the identify call of {Path}: its value is {Bytes} bytes, over the " +
        "Track API's limit of {MaxBytes} bytes.",
        EventName = "AttributeValueTooLong")]
    public static partial void AttributeValueTooLong(ILogger logger, string attribute, string path, int bytes, int maxBytes);

    [LoggerMessage(25, LogLevel.Warning, "A track call of {Path} was not emitted: its event name is empty.",
        EventName = "EventNameMissing")]
    public static partial void EventNameMissing(ILogger logger, string path);

    [LoggerMessage(26, LogLevel.Warning,
        "The track call '{EventName}' of {Path} was not emitted: its event name is {Bytes} bytes, over the Track " +
        "API's limit of {MaxBytes} bytes.",
        EventName = "EventNameTooLong")]
    public static partial void EventNameTooLong(ILogger logger, string eventName, string path, int bytes, int maxBytes);

    [LoggerMessage(27, LogLevel.Warning,
        "The {Call} of {Path} was not emitted: its data is {Bytes} bytes, over the Track API's limit of {MaxBytes} " +
        "bytes.",
        EventName = "EventDataTooLarge")]
    public static partial void EventDataTooLarge(ILogger logger, string call, string path, int bytes, int maxBytes);

    [LoggerMessage(28, LogLevel.Warning, "The {Subject} of {Path} was not emitted: {Problem}.",
        EventName = "CallDataInvalid")]
    public static partial void CallDataInvalid(ILogger logger, string subject, string path, string problem, Exception? exception);

    [LoggerMessage(29, LogLevel.Debug,
        "Attribute '{Attribute}' was left out of the identify call of {Path}, because it would replace the identifier.",
        EventName = "AttributeIgnored")]
    public static partial void AttributeIgnored(ILogger logger, string attribute, string path);

    [LoggerMessage(30, LogLevel.Debug,
        "created_at was left out of the identify call of {Path}: the value of the {ClaimType} claim is neither Unix " +
        "seconds nor an ISO 8601 date.",
        EventName = "CreatedAtInvalid")]
    public static partial void CreatedAtInvalid(ILogger logger, string path, string claimType);

    [LoggerMessage(31, LogLevel.Warning,
        "The carry-over cookie {CookieName} of the request to {Path} was ignored, and its calls are lost: {Problem}.",
        EventName = "CarryOverCookieInvalid")]
    public static partial void CarryOverCookieInvalid(ILogger logger, string cookieName, string path, string problem);

    [LoggerMessage(32, LogLevel.Warning,
        "The {Call} call was dropped from the carry-over cookie of the redirect from {Path}: the pending calls do " +
        "not fit in {MaxLength} characters, so the oldest are dropped first.",
        EventName = "CarryOverCallDropped")]
    public static partial void CarryOverCallDropped(ILogger logger, string call, string path, int maxLength);

    [LoggerMessage(33, LogLevel.Warning, "{Count} call(s) queued for {Path} were not emitted: {Reason}.",
        EventName = "CallsDiscarded")]
    public static partial void CallsDiscarded(ILogger logger, int count, string path, string reason);

    [LoggerMessage(34, LogLevel.Warning,
        "The {Call} call queued for {Path} was not emitted: the response had started and its calls were already " +
        "delivered. Queue calls before the response body is written.",
        EventName = "CallQueuedTooLate")]
    public static partial void CallQueuedTooLate(ILogger logger, string call, string path);

    [LoggerMessage(35, LogLevel.Warning,
        "The response to {Path} carries per-person calls, but it had started, so Cache-Control could not be made " +
        "private. Queue calls before the response body is written.",
        EventName = "CacheHeadersNotSet")]
    public static partial void CacheHeadersNotSet(ILogger logger, string path);

    [LoggerMessage(36, LogLevel.Debug, "{Count} call(s) were written to the carry-over cookie of the redirect from {Path}.",
        EventName = "CarryOverWritten")]
    public static partial void CarryOverWritten(ILogger logger, int count, string path);

    [LoggerMessage(37, LogLevel.Debug, "{Count} queued call(s) were emitted into the page {Path}.",
        EventName = "CallsEmitted")]
    public static partial void CallsEmitted(ILogger logger, int count, string path);

    [LoggerMessage(38, LogLevel.Debug, "No identify call for {Path}: the person signed out during this request.",
        EventName = "IdentifySkippedAfterSignOut")]
    public static partial void IdentifySkippedAfterSignOut(ILogger logger, string path);

    [LoggerMessage(39, LogLevel.Error,
        "The identity resolver {Resolver} failed for {Path}, so no identify call was emitted.",
        EventName = "IdentityResolverFailed")]
    public static partial void IdentityResolverFailed(ILogger logger, string resolver, string path, Exception exception);

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
