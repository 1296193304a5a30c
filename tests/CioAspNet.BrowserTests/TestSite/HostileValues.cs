namespace CioAspNet.BrowserTests.TestSite;

/// <summary>
/// Strings that break out of a script element, a JavaScript string or an HTML comment when they are written into
/// an inline script without escaping.
/// </summary>
public static class HostileValues
{
    /// <summary>Ends the script element and starts one that sets <c>window.__xss</c>.</summary>
    public const string ScriptBreakout = "</script><script>window.__xss=1</script>";

    /// <summary>Double and single quotes, which end a JavaScript string.</summary>
    public const string Quotes = "\"'";

    /// <summary>
    /// Two backslashes, the text of an escape sequence and a lone backslash, which would change an unescaped string.
    /// </summary>
    public const string Backslashes = @"\\ \u0022 \";

    /// <summary>U+2028 LINE SEPARATOR, a JavaScript line terminator, which ended a string literal before ES2019.</summary>
    public const string LineSeparator = "\u2028";

    /// <summary>U+2029 PARAGRAPH SEPARATOR, the other line terminator of that kind.</summary>
    public const string ParagraphSeparator = "\u2029";

    /// <summary>
    /// The start of an HTML comment followed by a script start tag, which puts the HTML tokenizer in the double-escaped
    /// state, so that the next <c>&lt;/script&gt;</c> does not end the element.
    /// </summary>
    public const string CommentOpen = "<!--<script>";

    /// <summary>Every value above in one string, with an HTML character reference that must stay text.</summary>
    public const string All =
        ScriptBreakout + Quotes + Backslashes + LineSeparator + ParagraphSeparator + CommentOpen + "&lt;-->";

    /// <summary>Each value by name, plus <see cref="All"/> as a property name.</summary>
    public static IReadOnlyDictionary<string, string> Data { get; } = new Dictionary<string, string>
    {
        ["scriptBreakout"] = ScriptBreakout,
        ["quotes"] = Quotes,
        ["backslashes"] = Backslashes,
        ["lineSeparator"] = LineSeparator,
        ["paragraphSeparator"] = ParagraphSeparator,
        ["commentOpen"] = CommentOpen,
        ["all"] = All,
        [All] = "a hostile property name",
    };
}
