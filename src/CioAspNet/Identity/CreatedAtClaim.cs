using System.Globalization;

namespace CioAspNet;

/// <summary>Parses a <c>created_at</c> claim value: Unix seconds, or an ISO 8601 date or date and time.</summary>
internal static class CreatedAtClaim
{
    // A value without an offset is taken as UTC.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();

    public static bool TryParse(string value, out DateTimeOffset createdAt)
    {
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            // Milliseconds since the epoch are past year 9999 as seconds, so they fail here instead of passing as a
            // date thousands of years ahead.
            var inRange = seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds;
            createdAt = inRange ? DateTimeOffset.FromUnixTimeSeconds(seconds) : default;
            return inRange;
        }

        return DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out createdAt);
    }
}
