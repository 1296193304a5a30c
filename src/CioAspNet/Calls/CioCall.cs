using System.Text.Json;
using System.Text.Json.Nodes;

namespace CioAspNet.Calls;

/// <summary>
/// One call to emit, as the array that is pushed onto <c>window._cio</c>: the method name, then its arguments,
/// such as <c>["track", "purchased", { "price": "23.45" }]</c>.
/// </summary>
internal sealed class CioCall
{
    public const string Identify = "identify";
    public const string Track = "track";
    public const string Page = "page";
    public const string Reset = "reset";

    private CioCall(string method, JsonArray arguments)
    {
        Method = method;
        Arguments = arguments;
    }

    public string Method { get; }

    /// <summary>The pushed array, with the method name first.</summary>
    public JsonArray Arguments { get; }

    public bool IsReset => Method == Reset;

    /// <summary>Whether this is a page call without a name, which is emitted with the browser's URL as the name.</summary>
    public bool NameFromLocation => Method == Page && Arguments[1] is null;

    public static CioCall Create(string method, params JsonNode?[] arguments)
    {
        var array = new JsonArray(JsonValue.Create(method));
        foreach (var argument in arguments)
        {
            array.Add(argument);
        }

        return new CioCall(method, array);
    }

    /// <summary>Rebuilds a call read from the carry-over cookie, or returns null when the array is not a valid call.</summary>
    public static CioCall? FromJson(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0 || !TryGetString(array[0], out var method))
        {
            return null;
        }

        var valid = method switch
        {
            Identify => array.Count == 2 && array[1] is JsonObject,
            Track => array.Count is >= 2 and <= 4 && TryGetString(array[1], out _) && IsObjectOrNull(array, 2) &&
                IsObjectOrNull(array, 3),
            Page => array.Count is >= 2 and <= 3 && (array[1] is null || TryGetString(array[1], out _)) &&
                IsObjectOrNull(array, 2),
            Reset => array.Count == 1,
            _ => false,
        };
        return valid ? new CioCall(method!, array) : null;
    }

    /// <summary>Names the call for a log message: its method and, for track and page, its name, but no data.</summary>
    public string Describe() => Method is Track or Page && TryGetString(Arguments[1], out var name)
        ? $"{Method} '{name}'"
        : Method;

    private static bool IsObjectOrNull(JsonArray array, int index) =>
        index >= array.Count || array[index] is null or JsonObject;

    private static bool TryGetString(JsonNode? node, out string? value)
    {
        value = null;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.String && json.TryGetValue(out value);
    }
}
