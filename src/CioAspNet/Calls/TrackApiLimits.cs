using System.Text;
using System.Text.Json.Nodes;

namespace CioAspNet.Calls;

/// <summary>
/// The size limits that Customer.io documents for its Track API, in UTF-8 bytes. Calls are checked against them
/// before they are emitted, because track.js sends them to that API.
/// </summary>
internal static class TrackApiLimits
{
    public const int MaxIdentifierBytes = 150;

    public const int MaxAttributeNameBytes = 150;

    public const int MaxAttributeValueBytes = 1000;

    public const int MaxEventNameBytes = 100;

    public const int MaxEventDataBytes = 100_000;

    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// Measures a value: a string by its UTF-8 bytes, any other value by the UTF-8 bytes of its JSON text.
    /// </summary>
    public static int ValueByteCount(JsonNode? value) =>
        value is JsonValue json && json.TryGetValue<string>(out var text) ? ByteCount(text) : CioJson.MeasureBytes(value);
}
