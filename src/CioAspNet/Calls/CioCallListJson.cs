using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CioAspNet.Calls;

/// <summary>The JSON form of a list of calls in the carry-over cookie: an array of the pushed arrays.</summary>
internal static class CioCallListJson
{
    /// <summary>Serializes the calls from index <paramref name="skip"/> on.</summary>
    public static byte[] Serialize(IReadOnlyList<CioCall> calls, int skip)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, CioJson.WriterOptions))
        {
            writer.WriteStartArray();
            for (var i = skip; i < calls.Count; i++)
            {
                calls[i].Arguments.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a list of calls, or returns null when any element is not a valid call.</summary>
    public static List<CioCall>? Parse(byte[] plaintext)
    {
        try
        {
            if (JsonNode.Parse(plaintext) is not JsonArray array)
            {
                return null;
            }

            var calls = new List<CioCall>(array.Count);
            foreach (var node in array)
            {
                var call = CioCall.FromJson(node?.DeepClone());
                if (call is null)
                {
                    return null;
                }

                calls.Add(call);
            }

            return calls;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
