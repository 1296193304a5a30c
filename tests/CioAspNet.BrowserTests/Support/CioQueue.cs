using System.Text.Json.Nodes;

namespace CioAspNet.BrowserTests.Support;

/// <summary>
/// Reads the calls that the page pushed onto <c>window._cio</c>. track.js never loads in these tests, so every call
/// stays in the array, in the order that the page's scripts pushed it.
/// </summary>
public static class CioQueue
{
    /// <summary>Returns the queued calls, each an array such as <c>["track", "purchased", {...}]</c>.</summary>
    public static async Task<IReadOnlyList<JsonArray>> ReadAsync(PageSession session)
    {
        // JSON.stringify writes only the array's elements, not the stub methods that the loader adds as properties.
        var json = await session.EvaluateAsync<string?>(
            "() => Array.isArray(window._cio) ? JSON.stringify(window._cio) : null");
        Assert.True(json is not null, "window._cio is not an array.");
        return JsonNode.Parse(json)!.AsArray().Select(call => call!.AsArray()).ToList();
    }

    /// <summary>Returns the queued calls of one method, such as <c>identify</c>, and of one name when given.</summary>
    public static async Task<IReadOnlyList<JsonArray>> FindAsync(PageSession session, string method, string? name = null)
    {
        var calls = await ReadAsync(session);
        return calls
            .Where(call => IsString(call[0], method) && (name is null || (call.Count > 1 && IsString(call[1], name))))
            .ToList();
    }

    /// <summary>Returns the string value of a node, or throws when the node is not a string.</summary>
    public static string StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidOperationException($"Expected a string, got {node?.ToJsonString() ?? "null"}.");

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text == expected;
}
