using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace CioAspNet.Calls;

/// <summary>
/// The JSON settings of every value that reaches a script. <see cref="JavaScriptEncoder.Default"/> escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes, <c>+</c> and every non-ASCII character (U+2028 and U+2029
/// among them), so a value can never end the script element or the string it is in.
/// </summary>
internal static class CioJson
{
    public static readonly JsonSerializerOptions SerializerOptions = CreateSerializerOptions(JavaScriptEncoder.Default);

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    // Only for measuring sizes: non-ASCII text counts as its UTF-8 bytes, not as \uXXXX escapes.
    private static readonly JsonSerializerOptions MeasureOptions =
        CreateSerializerOptions(JavaScriptEncoder.Create(UnicodeRanges.All));

    /// <summary>Serializes a value of any type to a node; dates become Unix seconds.</summary>
    /// <exception cref="NotSupportedException">The type cannot be serialized.</exception>
    /// <exception cref="JsonException">The value cannot be serialized, for example because it has a cycle.</exception>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), SerializerOptions),
    };

    public static int MeasureBytes(JsonNode? value) =>
        value is null ? 4 : Encoding.UTF8.GetByteCount(value.ToJsonString(MeasureOptions));

    /// <summary>Writes a node, or <c>null</c>, as script-safe JSON.</summary>
    public static void Write(IBufferWriter<byte> output, JsonNode? value)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        value.WriteTo(writer);
    }

    private static JsonSerializerOptions CreateSerializerOptions(JavaScriptEncoder encoder)
    {
        var options = new JsonSerializerOptions { Encoder = encoder };
        options.Converters.Add(new UnixSecondsDateTimeConverter());
        options.Converters.Add(new UnixSecondsDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
