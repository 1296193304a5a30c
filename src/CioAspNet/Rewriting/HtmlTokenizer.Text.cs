using System.Buffers;

namespace CioAspNet.Rewriting;

internal sealed partial class HtmlTokenizer
{
    private const byte MarkupDash = 1;
    private const byte MarkupDoctype = 2;
    private const byte MarkupCData = 3;

    private byte _markupKind;

    // The end tag states of RCDATA, RAWTEXT and script data: only the end tag of the element that opened
    // the text ends it, and anything else is text.
    private int StepRawEndTag(ReadOnlySpan<byte> input, byte b, int i, ref int flushed, IBufferWriter<byte> output)
    {
        switch (_state)
        {
            case State.RawLessThan:
                if (b == '/')
                {
                    _state = State.RawEndTagOpen;
                    return i + 1;
                }

                return BackToText(i, output);

            case State.RawEndTagOpen:
                if (!IsAsciiAlpha(b))
                {
                    return BackToText(i, output);
                }

                _matchIndex = 0;
                _state = State.RawEndTagName;
                return i;

            default:
                if (IsAsciiAlpha(b))
                {
                    var name = RawEndName;
                    if (_matchIndex < name.Length && ToLower(b) == name[_matchIndex])
                    {
                        _matchIndex++;
                        return i + 1;
                    }

                    return BackToText(i, output);
                }

                if (_matchIndex != RawEndName.Length || !(IsWhitespace(b) || b is (byte)'/' or (byte)'>'))
                {
                    return BackToText(i, output);
                }

                _isEndTag = true;
                RawEndName.CopyTo(_name);
                _nameLength = RawEndName.Length;
                _state = State.TagName;
                return StepTagName(input, b, i, ref flushed, output);
        }
    }

    private int BackToText(int i, IBufferWriter<byte> output)
    {
        Release(output);
        _state = _rawReturnState;
        return i;
    }

    private int StepScript(ReadOnlySpan<byte> input, byte b, int i, IBufferWriter<byte> output)
    {
        switch (_state)
        {
            case State.ScriptLessThan:
                if (b == '/')
                {
                    _state = State.RawEndTagOpen;
                    return i + 1;
                }

                Release(output);
                _state = b == '!' ? State.ScriptEscapeStart : State.ScriptData;
                return b == '!' ? i + 1 : i;

            case State.ScriptEscapeStart:
                return Expect(b, (byte)'-', i, State.ScriptEscapeStartDash, State.ScriptData);

            case State.ScriptEscapeStartDash:
                return Expect(b, (byte)'-', i, State.ScriptEscapedDashDash, State.ScriptData);

            case State.ScriptEscaped:
            case State.ScriptDoubleEscaped:
                return StepEscapedText(input, i);

            case State.ScriptEscapedDash:
            case State.ScriptEscapedDashDash:
            case State.ScriptDoubleEscapedDash:
            case State.ScriptDoubleEscapedDashDash:
                return StepEscapedDash(b, i);

            case State.ScriptEscapedLessThan:
                return StepEscapedLessThan(b, i, output);

            case State.ScriptDoubleEscapedLessThan:
                if (b == '/')
                {
                    _matchIndex = 0;
                    _matchOk = true;
                    _state = State.ScriptDoubleEscapeEnd;
                    return i + 1;
                }

                _state = State.ScriptDoubleEscaped;
                return i;

            default:
                return StepDoubleEscapeName(b, i);
        }
    }

    private int Expect(byte b, byte expected, int i, State match, State otherwise)
    {
        if (b == expected)
        {
            _state = match;
            return i + 1;
        }

        _state = otherwise;
        return i;
    }

    private int StepEscapedText(ReadOnlySpan<byte> input, int i)
    {
        var offset = input[i..].IndexOfAny(DashOrLessThan);
        if (offset < 0)
        {
            return input.Length;
        }

        i += offset;
        var doubleEscaped = _state == State.ScriptDoubleEscaped;
        if (input[i] == '-')
        {
            _state = doubleEscaped ? State.ScriptDoubleEscapedDash : State.ScriptEscapedDash;
            return i + 1;
        }

        if (doubleEscaped)
        {
            _state = State.ScriptDoubleEscapedLessThan;
        }
        else
        {
            BeginTag(i);
            _state = State.ScriptEscapedLessThan;
        }

        return i + 1;
    }

    private int StepEscapedDash(byte b, int i)
    {
        var doubleEscaped = _state is State.ScriptDoubleEscapedDash or State.ScriptDoubleEscapedDashDash;
        var afterTwoDashes = _state is State.ScriptEscapedDashDash or State.ScriptDoubleEscapedDashDash;
        switch (b)
        {
            case (byte)'-':
                _state = doubleEscaped ? State.ScriptDoubleEscapedDashDash : State.ScriptEscapedDashDash;
                return i + 1;
            case (byte)'<':
                // Let the text state handle the '<', so that an escaped '<' starts a held tag.
                _state = doubleEscaped ? State.ScriptDoubleEscaped : State.ScriptEscaped;
                return i;
            case (byte)'>' when afterTwoDashes:
                _state = State.ScriptData;
                return i + 1;
            default:
                _state = doubleEscaped ? State.ScriptDoubleEscaped : State.ScriptEscaped;
                return i + 1;
        }
    }

    private int StepEscapedLessThan(byte b, int i, IBufferWriter<byte> output)
    {
        if (b == '/')
        {
            _rawReturnState = State.ScriptEscaped;
            _state = State.RawEndTagOpen;
            return i + 1;
        }

        Release(output);
        if (IsAsciiAlpha(b))
        {
            _matchIndex = 0;
            _matchOk = true;
            _state = State.ScriptDoubleEscapeStart;
            return i;
        }

        _state = State.ScriptEscaped;
        return i;
    }

    // The "script" name in <script> or </script> inside an escaped script: <!-- <script> switches to the
    // double-escaped state, where </script> does not end the element.
    private int StepDoubleEscapeName(byte b, int i)
    {
        var starting = _state == State.ScriptDoubleEscapeStart;
        if (IsAsciiAlpha(b))
        {
            _matchOk &= _matchIndex < 6 && ToLower(b) == "script"u8[_matchIndex];
            _matchIndex++;
            return i + 1;
        }

        if (IsWhitespace(b) || b is (byte)'/' or (byte)'>')
        {
            var isScript = _matchOk && _matchIndex == 6;
            _state = starting
                ? (isScript ? State.ScriptDoubleEscaped : State.ScriptEscaped)
                : (isScript ? State.ScriptEscaped : State.ScriptDoubleEscaped);
            return i + 1;
        }

        _state = starting ? State.ScriptEscaped : State.ScriptDoubleEscaped;
        return i;
    }

    private int StepMarkup(ReadOnlySpan<byte> input, byte b, int i)
    {
        switch (_state)
        {
            case State.MarkupDeclarationOpen:
                return StepMarkupDeclaration(b, i);
            case State.CommentStart:
            case State.CommentStartDash:
                if (b == '>')
                {
                    _state = State.Data;
                    return i + 1;
                }

                if (b != '-')
                {
                    _state = State.Comment;
                    return i;
                }

                _state = _state == State.CommentStart ? State.CommentStartDash : State.CommentEnd;
                return i + 1;
            case State.Comment:
                return SkipTo(input, i, (byte)'-', State.CommentEndDash);
            case State.CommentEndDash:
                return Expect(b, (byte)'-', i, State.CommentEnd, State.Comment);
            case State.CommentEnd:
                return StepCommentEnd(b, i);
            case State.CommentEndBang:
                if (b == '>')
                {
                    _state = State.Data;
                    return i + 1;
                }

                return Expect(b, (byte)'-', i, State.CommentEndDash, State.Comment);
            case State.BogusComment:
            case State.Doctype:
                return SkipTo(input, i, (byte)'>', State.Data);
            case State.CData:
                return SkipTo(input, i, (byte)']', State.CDataBracket);
            case State.CDataBracket:
                return Expect(b, (byte)']', i, State.CDataEnd, State.CData);
            default:
                if (b == ']')
                {
                    return i + 1;
                }

                return Expect(b, (byte)'>', i, State.Data, State.CData);
        }
    }

    private int StepCommentEnd(byte b, int i)
    {
        switch (b)
        {
            case (byte)'>':
                _state = State.Data;
                return i + 1;
            case (byte)'!':
                _state = State.CommentEndBang;
                return i + 1;
            case (byte)'-':
                return i + 1;
            default:
                _state = State.Comment;
                return i;
        }
    }

    // After "<!": "--" opens a comment, "DOCTYPE" (any case) a doctype, "[CDATA[" a CDATA section in SVG or
    // MathML; anything else is a bogus comment that ends at the next '>'.
    private int StepMarkupDeclaration(byte b, int i)
    {
        if (_matchIndex == 0)
        {
            _markupKind = b switch
            {
                (byte)'-' => MarkupDash,
                (byte)'D' or (byte)'d' => MarkupDoctype,
                (byte)'[' => MarkupCData,
                _ => 0,
            };
        }

        var expected = _markupKind switch
        {
            MarkupDash => "--"u8,
            MarkupDoctype => "doctype"u8,
            MarkupCData => "[CDATA["u8,
            _ => ReadOnlySpan<byte>.Empty,
        };
        var actual = _markupKind == MarkupDoctype ? ToLower(b) : b;
        if (_matchIndex >= expected.Length || actual != expected[_matchIndex])
        {
            _state = State.BogusComment;
            return i;
        }

        _matchIndex++;
        if (_matchIndex == expected.Length)
        {
            _state = _markupKind switch
            {
                MarkupDash => State.CommentStart,
                MarkupDoctype => State.Doctype,
                _ => CurrentNodeIsForeign ? State.CData : State.BogusComment,
            };
        }

        return i + 1;
    }

    private int SkipTo(ReadOnlySpan<byte> input, int i, byte target, State next)
    {
        var offset = input[i..].IndexOf(target);
        if (offset < 0)
        {
            return input.Length;
        }

        _state = next;
        return i + offset + 1;
    }
}
