using System.Buffers;

namespace CioAspNet.Rewriting;

internal sealed partial class HtmlTokenizer
{
    private enum State : byte
    {
        Data,
        RcData,
        RawText,
        ScriptData,
        PlainText,
        TagOpen,
        EndTagOpen,
        TagName,
        BeforeAttributeName,
        AttributeName,
        AfterAttributeName,
        BeforeAttributeValue,
        AttributeValueDoubleQuoted,
        AttributeValueSingleQuoted,
        AttributeValueUnquoted,
        AfterAttributeValueQuoted,
        SelfClosingStartTag,
        MarkupDeclarationOpen,
        CommentStart,
        CommentStartDash,
        Comment,
        CommentEndDash,
        CommentEnd,
        CommentEndBang,
        BogusComment,
        Doctype,
        CData,
        CDataBracket,
        CDataEnd,
        RawLessThan,
        RawEndTagOpen,
        RawEndTagName,
        ScriptLessThan,
        ScriptEscapeStart,
        ScriptEscapeStartDash,
        ScriptEscaped,
        ScriptEscapedDash,
        ScriptEscapedDashDash,
        ScriptEscapedLessThan,
        ScriptDoubleEscapeStart,
        ScriptDoubleEscaped,
        ScriptDoubleEscapedDash,
        ScriptDoubleEscapedDashDash,
        ScriptDoubleEscapedLessThan,
        ScriptDoubleEscapeEnd,
    }

    private enum TextMode : byte
    {
        Data,
        RcData,
        RawText,
        ScriptData,
        PlainText,
    }

    private static readonly SearchValues<byte> DashOrLessThan = SearchValues.Create("-<"u8);

    // Consumes input from i (at least one byte) and returns the index of the next unconsumed byte.
    private int Step(ReadOnlySpan<byte> input, int i, ref int flushed, IBufferWriter<byte> output)
    {
        var b = input[i];
        switch (_state)
        {
            case State.Data:
                return StepData(input, i, ref flushed, output);
            case State.RcData:
            case State.RawText:
            case State.ScriptData:
                return StepText(input, i);
            case State.PlainText:
                return input.Length;
            case State.TagOpen:
                return StepTagOpen(b, i, output);
            case State.EndTagOpen:
                return StepEndTagOpen(b, i, output);
            case State.TagName:
                return StepTagName(input, b, i, ref flushed, output);
            case State.BeforeAttributeName:
            case State.AttributeName:
            case State.AfterAttributeName:
            case State.BeforeAttributeValue:
            case State.AttributeValueDoubleQuoted:
            case State.AttributeValueSingleQuoted:
            case State.AttributeValueUnquoted:
            case State.AfterAttributeValueQuoted:
            case State.SelfClosingStartTag:
                return StepAttributes(input, b, i, ref flushed, output);
            case State.RawLessThan:
            case State.RawEndTagOpen:
            case State.RawEndTagName:
                return StepRawEndTag(input, b, i, ref flushed, output);
            case State.ScriptLessThan:
            case State.ScriptEscapeStart:
            case State.ScriptEscapeStartDash:
            case State.ScriptEscaped:
            case State.ScriptEscapedDash:
            case State.ScriptEscapedDashDash:
            case State.ScriptEscapedLessThan:
            case State.ScriptDoubleEscapeStart:
            case State.ScriptDoubleEscaped:
            case State.ScriptDoubleEscapedDash:
            case State.ScriptDoubleEscapedDashDash:
            case State.ScriptDoubleEscapedLessThan:
            case State.ScriptDoubleEscapeEnd:
                return StepScript(input, b, i, output);
            default:
                return StepMarkup(input, b, i);
        }
    }

    // The text of RCDATA, RAWTEXT and script data, up to the next '<'.
    private int StepText(ReadOnlySpan<byte> input, int i)
    {
        var offset = input[i..].IndexOf((byte)'<');
        if (offset < 0)
        {
            return input.Length;
        }

        i += offset;
        BeginTag(i);
        _rawReturnState = _state;
        _state = _state == State.ScriptData ? State.ScriptLessThan : State.RawLessThan;
        return i + 1;
    }

    private int StepTagOpen(byte b, int i, IBufferWriter<byte> output)
    {
        if (IsAsciiAlpha(b))
        {
            _isEndTag = false;
            _state = State.TagName;
            return i;
        }

        if (b == '/')
        {
            _state = State.EndTagOpen;
            return i + 1;
        }

        Release(output);
        switch (b)
        {
            case (byte)'!':
                _state = State.MarkupDeclarationOpen;
                _matchIndex = 0;
                return i + 1;
            case (byte)'?':
                _state = State.BogusComment;
                return i;
            default:
                _state = State.Data;
                return i;
        }
    }

    private int StepEndTagOpen(byte b, int i, IBufferWriter<byte> output)
    {
        if (IsAsciiAlpha(b))
        {
            _isEndTag = true;
            _state = State.TagName;
            return i;
        }

        Release(output);
        if (b == '>')
        {
            _state = State.Data;
            return i + 1;
        }

        _state = State.BogusComment;
        return i;
    }

    private int StepTagName(ReadOnlySpan<byte> input, byte b, int i, ref int flushed, IBufferWriter<byte> output)
    {
        if (IsWhitespace(b))
        {
            EndTagName(output);
            _state = State.BeforeAttributeName;
            return i + 1;
        }

        if (b == '/')
        {
            EndTagName(output);
            _state = State.SelfClosingStartTag;
            return i + 1;
        }

        if (b == '>')
        {
            EndTagName(output);
            EmitTag(input, i, ref flushed, output);
            return i + 1;
        }

        AppendNameByte(b);
        return i + 1;
    }
}
