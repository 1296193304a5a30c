using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CioAspNet.Tests.Conformance;

/// <summary>One case of an html5lib tokenizer test file, reduced to the tags it expects.</summary>
internal sealed record Html5libCase(
    string File,
    int Index,
    string Description,
    string Input,
    IReadOnlyList<string> InitialStates,
    bool DoubleEscaped,
    string? LastStartTag,
    bool XmlViolation,
    IReadOnlyList<RecordedTag> ExpectedTags)
{
    public const string DataState = "Data state";

    /// <summary>A name for messages: file, index in the file, and description.</summary>
    public string Name => $"{System.IO.Path.GetFileName(File)}#{Index} \"{Description}\"";

    /// <summary>Reads every case of one test file, in the format of the html5lib tokenizer tests.</summary>
    public static IEnumerable<Html5libCase> Load(string file)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(file));
        var root = document.RootElement;
        var xmlViolation = root.TryGetProperty("xmlViolationTests", out var tests);
        if (!xmlViolation)
        {
            tests = root.GetProperty("tests");
        }

        var cases = new List<Html5libCase>();
        var index = 0;
        foreach (var test in tests.EnumerateArray())
        {
            var doubleEscaped = test.TryGetProperty("doubleEscaped", out var flag) && flag.GetBoolean();
            Func<string, string> unescape = doubleEscaped ? Unescape : text => text;
            var initialStates = test.TryGetProperty("initialStates", out var states)
                ? states.EnumerateArray().Select(s => s.GetString()!).ToArray()
                : [DataState];
            cases.Add(new Html5libCase(
                file,
                index++,
                test.GetProperty("description").GetString()!,
                unescape(test.GetProperty("input").GetString()!),
                initialStates,
                doubleEscaped,
                test.TryGetProperty("lastStartTag", out var lastStartTag) ? lastStartTag.GetString() : null,
                xmlViolation,
                ReadExpectedTags(test.GetProperty("output"), unescape)));
        }

        return cases;
    }

    // A double-escaped case needs one more round of unescaping: each \uHHHH becomes that UTF-16 code unit.
    private static string Unescape(string text) =>
        Regex.Replace(text, @"\\u([0-9A-Fa-f]{4})",
            m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    private static List<RecordedTag> ReadExpectedTags(JsonElement output, Func<string, string> unescape)
    {
        var tags = new List<RecordedTag>();
        foreach (var token in output.EnumerateArray())
        {
            var type = token[0].GetString();
            if (type == "StartTag")
            {
                var attributes = token[2].EnumerateObject()
                    .Select(a => new KeyValuePair<string, string>(unescape(a.Name), unescape(a.Value.GetString()!)))
                    .ToList();
                var selfClosing = token.GetArrayLength() > 3 && token[3].GetBoolean();
                tags.Add(new RecordedTag(false, unescape(token[1].GetString()!), attributes, selfClosing));
            }
            else if (type == "EndTag")
            {
                tags.Add(new RecordedTag(true, unescape(token[1].GetString()!), [], false));
            }
        }

        return tags;
    }
}
