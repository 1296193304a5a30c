using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CioAspNet.Tests.Support;

/// <summary>Parses emitted HTML with AngleSharp and decodes the calls that its scripts push onto window._cio.</summary>
internal static class CioScripts
{
    public const string PushPrefix = "(window._cio = window._cio || []).push(";

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Every script element of the document, in order.</summary>
    public static IReadOnlyList<IElement> Scripts(string html) => Parse(html).QuerySelectorAll("script").ToList();

    /// <summary>Scripts that push calls, that is, every script but the loader.</summary>
    public static IReadOnlyList<IElement> CallScripts(string html) =>
        Scripts(html).Where(script => script.TextContent.Contains(PushPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Every pushed array in document order, parsed with System.Text.Json.</summary>
    public static IReadOnlyList<JsonElement> Calls(string html) =>
        Scripts(html).SelectMany(script => CallsIn(script.TextContent)).ToList();

    /// <summary>The pushed arrays of one script's text: one push per line.</summary>
    public static IReadOnlyList<JsonElement> CallsIn(string scriptText)
    {
        var calls = new List<JsonElement>();
        foreach (var line in scriptText.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith(PushPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            Assert.EndsWith(");", trimmed, StringComparison.Ordinal);
            var json = trimmed[PushPrefix.Length..^2];
            calls.Add(JsonDocument.Parse(json).RootElement.Clone());
        }

        return calls;
    }

    /// <summary>The method names of the pushed calls, such as "track:purchased", "identify" or "page".</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<JsonElement> calls) => calls
        .Select(call => call[0].GetString() == "track" ? $"track:{call[1].GetString()}" : call[0].GetString()!)
        .ToList();
}
