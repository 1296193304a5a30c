using System.Text.Json;
using System.Text.Json.Serialization;

namespace CioAspNet.Calls;

/// <summary>
/// Writes a <see cref="DateTime"/> as seconds since the Unix epoch, the unit of <c>created_at</c> in Customer.io.
/// A <see cref="DateTimeKind.Unspecified"/> value is taken as UTC.
/// </summary>
internal sealed class UnixSecondsDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64()).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(ToUnixSeconds(value));

    public static long ToUnixSeconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Unspecified
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : value.ToUniversalTime();
        return new DateTimeOffset(utc).ToUnixTimeSeconds();
    }
}

/// <summary>Writes a <see cref="DateTimeOffset"/> as seconds since the Unix epoch.</summary>
internal sealed class UnixSecondsDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
