using System.Text;
using AngleSharp.Dom;

namespace CioAspNet.Tests.Conformance;

/// <summary>
/// Judges where the loader went, with AngleSharp as the reference parser. A place is a correct insertion point
/// when the document with the loader inserted there parses to the input's DOM plus exactly one loader element,
/// with its script text intact, inside <c>body</c>. The rewriter must insert at its chosen place only when that
/// place is correct, and no earlier <c>&lt;/body&gt;</c> end tag may be a correct insertion point.
/// </summary>
internal sealed class InjectionOracle
{
    private readonly byte[] _input;
    private readonly string _inputDom;

    public InjectionOracle(byte[] input)
    {
        _input = input;
        _inputDom = DomSnapshot.Dump(DomSnapshot.Parse(Encoding.UTF8.GetString(input)));
    }

    /// <summary>
    /// Returns what is wrong with the rewriter's output, or null. <paramref name="requireBody"/> is false for
    /// documents so broken that the first <c>&lt;/body&gt;</c> end tag may sit outside the body, in the head.
    /// </summary>
    public string? Check(RewriteResult result, bool requireBody)
    {
        var candidates = BodyEndTagOffsets(_input);
        var inserted = result.Inserted ? result.InsertOffset : _input.Length;
        if (result.Inserted)
        {
            if (!candidates.Contains(result.InsertOffset))
            {
                return $"the loader went in at offset {result.InsertOffset}, which is not the start of a complete " +
                    "</body> end tag";
            }

            var problem = ProblemWithOutput(result.Output, requireBody);
            if (problem is not null)
            {
                return $"the loader at offset {result.InsertOffset}: {problem}";
            }
        }

        foreach (var offset in candidates.Where(o => o < inserted))
        {
            if (ProblemWithOutput(InsertAt(offset), requireBody: true) is null)
            {
                var where = result.Inserted
                    ? $"the rewriter chose offset {result.InsertOffset}"
                    : "the rewriter inserted nothing";
                return $"the </body> end tag at offset {offset} is a correct insertion point, but {where}";
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the offsets of every <c>&lt;/body</c> (in any case) that a tag name delimiter follows and that a
    /// <c>&gt;</c> closes, read with the tokenizer's tag states. Where such bytes sit in text, comments or
    /// attributes is not decided here: inserting there changes the DOM, which the check then sees.
    /// </summary>
    public static List<int> BodyEndTagOffsets(ReadOnlySpan<byte> input)
    {
        var offsets = new List<int>();
        for (var i = 0; i + 7 <= input.Length; i++)
        {
            if (input[i] == '<' && input[i + 1] == '/' && Ascii.EqualsIgnoreCase(input.Slice(i + 2, 4), "body"u8)
                && i + 6 < input.Length && input[i + 6] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f'
                    or (byte)'\r' or (byte)'/' or (byte)'>'
                && TagCloses(input[(i + 6)..]))
            {
                offsets.Add(i);
            }
        }

        return offsets;
    }

    private byte[] InsertAt(int offset) =>
        [.. _input.AsSpan(0, offset), .. ConformanceRewriter.LoaderElement, .. _input.AsSpan(offset)];

    private string? ProblemWithOutput(byte[] output, bool requireBody)
    {
        var document = DomSnapshot.Parse(Encoding.UTF8.GetString(output));
        var markers = DomSnapshot.FindElements(document, IsMarker);
        if (markers.Count != 1)
        {
            return $"the output's DOM has {markers.Count} loader elements instead of 1";
        }

        var marker = markers[0];
        if (marker.TextContent != ConformanceRewriter.LoaderScript)
        {
            return $"the loader element's text changed to \"{Shorten(marker.TextContent)}\"";
        }

        if (requireBody && !DomSnapshot.IsInsideBody(marker))
        {
            return $"the loader element's parent chain does not reach body ({ParentChain(marker)})";
        }

        var outputDom = DomSnapshot.Dump(document, node => node is IElement element && IsMarker(element));
        return outputDom == _inputDom
            ? null
            : "without the loader, the output's DOM differs: " + FirstDifference(_inputDom, outputDom);
    }

    private static bool IsMarker(IElement element) =>
        element.LocalName == "script" && element.GetAttribute("nonce") == ConformanceRewriter.MarkerNonce;

    private enum TagState
    {
        BeforeAttributeName,
        AttributeName,
        AfterAttributeName,
        BeforeAttributeValue,
        UnquotedValue,
        AfterQuotedValue,
        SelfClosing,
    }

    // Follows the WHATWG tag states from the byte after the tag name, and returns whether a '>' ends the tag.
    private static bool TagCloses(ReadOnlySpan<byte> rest)
    {
        var state = TagState.BeforeAttributeName;
        for (var i = 0; i < rest.Length; i++)
        {
            var b = rest[i];
            var whitespace = b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r';
            if (b == '>')
            {
                return true;
            }

            switch (state)
            {
                case TagState.BeforeAttributeName:
                case TagState.SelfClosing:
                    state = whitespace ? TagState.BeforeAttributeName
                        : b == '/' ? TagState.SelfClosing
                        : TagState.AttributeName;
                    break;
                case TagState.AttributeName:
                case TagState.AfterAttributeName:
                    state = whitespace ? TagState.AfterAttributeName
                        : b == '/' ? TagState.SelfClosing
                        : b == '=' ? TagState.BeforeAttributeValue
                        : TagState.AttributeName;
                    break;
                case TagState.BeforeAttributeValue when b is (byte)'"' or (byte)'\'':
                    var close = rest[(i + 1)..].IndexOf(b);
                    if (close < 0)
                    {
                        return false;
                    }

                    i += close + 1;
                    state = TagState.AfterQuotedValue;
                    break;
                case TagState.AfterQuotedValue:
                    state = whitespace ? TagState.BeforeAttributeName
                        : b == '/' ? TagState.SelfClosing
                        : TagState.AttributeName;
                    break;
                case TagState.BeforeAttributeValue:
                    state = whitespace ? TagState.BeforeAttributeValue : TagState.UnquotedValue;
                    break;
                default:
                    state = whitespace ? TagState.BeforeAttributeName : TagState.UnquotedValue;
                    break;
            }
        }

        return false;
    }

    private static string ParentChain(IElement element)
    {
        var names = new List<string>();
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            names.Add(parent.LocalName);
        }

        return names.Count == 0 ? "no parent element" : string.Join(" < ", names);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var from = Math.Max(0, line - 3);
        return $"at line {line + 1}\ninput DOM:\n{string.Join("\n", expectedLines.Skip(from).Take(8))}\n" +
            $"output DOM without the loader:\n{string.Join("\n", actualLines.Skip(from).Take(8))}";
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
