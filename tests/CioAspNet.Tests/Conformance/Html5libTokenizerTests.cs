using System.Text;

namespace CioAspNet.Tests.Conformance;

/// <summary>
/// Runs the html5lib tokenizer tests through the rewriter's tokenizer and compares the tags it reports with the
/// expected start and end tags. Characters, comments and doctypes are not reported by this tokenizer, so a case
/// checks that exactly the expected tags are found, with their names, attributes and self-closing flags.
/// Attribute values are decoded with <see cref="CioAspNet.Rewriting.HtmlCharacterReferences"/>.
/// </summary>
public sealed class Html5libTokenizerTests
{
    /// <summary>
    /// Cases that this tokenizer subset cannot pass by design, by file and index, with the reason. It is empty,
    /// because beyond the rules of NotApplicableReason every case applies.
    /// </summary>
    private static readonly Dictionary<string, string> NotApplicableCases = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Tokenizer_Html5libCases_MatchExpectedTags()
    {
        var runs = 0;
        var passed = 0;
        var notApplicable = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();

        foreach (var file in CorpusDirectory.TokenizerTestFiles())
        {
            foreach (var testCase in Html5libCase.Load(file))
            {
                foreach (var state in testCase.InitialStates)
                {
                    var reason = NotApplicableReason(testCase, state);
                    if (reason is not null)
                    {
                        notApplicable[reason] = notApplicable.GetValueOrDefault(reason) + 1;
                        continue;
                    }

                    runs++;
                    var difference = Run(testCase);
                    if (difference is null)
                    {
                        passed++;
                    }
                    else
                    {
                        failures.Add($"{testCase.Name} input {Quote(testCase.Input)}: {difference}");
                    }
                }
            }
        }

        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine($"html5lib tokenizer: {runs} runs in the Data state, {passed} passed, {failures.Count} failed; " +
            $"{notApplicable.Values.Sum()} runs not applicable:");
        foreach (var (reason, count) in notApplicable.OrderByDescending(r => r.Value))
        {
            log?.WriteLine($"  {count,5}  {reason}");
        }

        Assert.True(runs > 0, "No html5lib tokenizer case ran in the Data state.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {runs} html5lib cases failed:\n" + string.Join("\n", failures.Take(200)));
    }

    private static string? NotApplicableReason(Html5libCase testCase, string state)
    {
        if (state != Html5libCase.DataState)
        {
            return $"starts in the {state}: this tokenizer always starts in the Data state, and reaches the " +
                "other states only through the markup that leads to them";
        }

        if (testCase.LastStartTag is not null)
        {
            return "sets the last start tag, which this tokenizer learns only from a start tag in the input";
        }

        if (testCase.DoubleEscaped && HasLoneSurrogate(testCase.Input))
        {
            return "contains a lone surrogate, which has no UTF-8 form for a tokenizer of bytes";
        }

        if (testCase.XmlViolation)
        {
            return "expects the output coerced to an XML infoset, which the HTML tokenizer does not do";
        }

        return NotApplicableCases.GetValueOrDefault($"{Path.GetFileName(testCase.File)}#{testCase.Index}");
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    // Returns null when the case passes, or else what differs.
    private static string? Run(Html5libCase testCase)
    {
        var input = Encoding.UTF8.GetBytes(Preprocess(testCase.Input));
        var whole = TagRecorder.Tokenize(input, int.MaxValue);
        var byteByByte = TagRecorder.Tokenize(input, 1);

        if (whole.Inconsistencies.Count > 0 || byteByByte.Inconsistencies.Count > 0)
        {
            return string.Join("; ", whole.Inconsistencies.Concat(byteByByte.Inconsistencies).Distinct());
        }

        if (Format(whole.Tags) != Format(byteByByte.Tags))
        {
            return $"one-byte writes gave {Format(byteByByte.Tags)}, one write gave {Format(whole.Tags)}";
        }

        return Matches(testCase.ExpectedTags, whole.Tags)
            ? null
            : $"expected {Format(testCase.ExpectedTags)}, got {Format(whole.Tags)}";
    }

    // Names, end tag and self-closing flags, and attributes must match, in any order of attributes.
    private static bool Matches(IReadOnlyList<RecordedTag> expected, IReadOnlyList<RecordedTag> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            if (e.IsEndTag != a.IsEndTag || e.Name != a.Name || (!e.IsEndTag && e.SelfClosing != a.SelfClosing)
                || e.Attributes.Count != a.Attributes.Count)
            {
                return false;
            }

            var actualValues = a.Attributes.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (!e.Attributes.All(p => actualValues.TryGetValue(p.Key, out var value) && value == p.Value))
            {
                return false;
            }
        }

        return true;
    }

    // The spec's input stream preprocessing, which happens before tokenization: CR LF and lone CR become LF.
    private static string Preprocess(string input) =>
        input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Format(IReadOnlyList<RecordedTag> tags) =>
        tags.Count == 0 ? "no tags" : string.Concat(tags.Select(t => t.ToString()));

    private static string Quote(string text)
    {
        var shortened = text.Length > 120 ? text[..120] + "..." : text;
        var escaped = shortened.Replace("\0", "\\0", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
        return "\"" + escaped + "\"";
    }
}
