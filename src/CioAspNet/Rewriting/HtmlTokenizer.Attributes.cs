using System.Buffers;

namespace CioAspNet.Rewriting;

internal sealed partial class HtmlTokenizer
{
    private static readonly SearchValues<byte> UnquotedValueEnd = SearchValues.Create(" \t\n\f\r>"u8);

    private int _attributeValueStart;

    private int StepAttributes(ReadOnlySpan<byte> input, byte b, int i, ref int flushed, IBufferWriter<byte> output)
    {
        switch (_state)
        {
            case State.BeforeAttributeName:
                if (IsWhitespace(b))
                {
                    return i + 1;
                }

                if (b is (byte)'/' or (byte)'>')
                {
                    return StepSlashOrEnd(input, b, i, ref flushed, output);
                }

                // An '=' here starts an attribute whose name begins with '='.
                BeginAttribute(i);
                _state = State.AttributeName;
                return i + 1;

            case State.AttributeName:
                return StepAttributeName(input, i);

            case State.AfterAttributeName:
                return StepAfterAttributeName(input, b, i, ref flushed, output);

            case State.BeforeAttributeValue:
                return StepBeforeAttributeValue(input, b, i, ref flushed, output);

            case State.AttributeValueDoubleQuoted:
            case State.AttributeValueSingleQuoted:
                return StepQuotedValue(input, i);

            case State.AttributeValueUnquoted:
                return StepUnquotedValue(input, i, ref flushed, output);

            case State.AfterAttributeValueQuoted:
                if (IsWhitespace(b))
                {
                    _state = State.BeforeAttributeName;
                    return i + 1;
                }

                return StepSlashOrEnd(input, b, i, ref flushed, output);

            default:
                if (b == '>')
                {
                    _selfClosing = true;
                    EmitTag(input, i, ref flushed, output);
                    return i + 1;
                }

                _state = State.BeforeAttributeName;
                return i;
        }
    }

    private int StepAttributeName(ReadOnlySpan<byte> input, int i)
    {
        i = ByteSearch.IndexOfAttributeNameEnd(input, i);
        if (i < 0)
        {
            return input.Length;
        }

        EndAttributeName(i);
        if (input[i] == '=')
        {
            _state = State.BeforeAttributeValue;
            return i + 1;
        }

        _state = State.AfterAttributeName;
        return i;
    }

    private int StepAfterAttributeName(ReadOnlySpan<byte> input, byte b, int i, ref int flushed, IBufferWriter<byte> output)
    {
        if (IsWhitespace(b))
        {
            return i + 1;
        }

        if (b == '=')
        {
            _state = State.BeforeAttributeValue;
            return i + 1;
        }

        AddAttribute(-1, 0, 0);
        if (b is (byte)'/' or (byte)'>')
        {
            return StepSlashOrEnd(input, b, i, ref flushed, output);
        }

        BeginAttribute(i);
        _state = State.AttributeName;
        return i + 1;
    }

    private int StepBeforeAttributeValue(
        ReadOnlySpan<byte> input, byte b, int i, ref int flushed, IBufferWriter<byte> output)
    {
        switch (b)
        {
            case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r':
                return i + 1;
            case (byte)'"':
                _attributeValueStart = RelativeToTag(i + 1);
                _state = State.AttributeValueDoubleQuoted;
                return i + 1;
            case (byte)'\'':
                _attributeValueStart = RelativeToTag(i + 1);
                _state = State.AttributeValueSingleQuoted;
                return i + 1;
            case (byte)'>':
                // A missing value is an empty one.
                AddAttribute(RelativeToTag(i), 0, 0);
                EmitTag(input, i, ref flushed, output);
                return i + 1;
            default:
                _attributeValueStart = RelativeToTag(i);
                _state = State.AttributeValueUnquoted;
                return i;
        }
    }

    private int StepQuotedValue(ReadOnlySpan<byte> input, int i)
    {
        var quote = _state == State.AttributeValueDoubleQuoted ? (byte)'"' : (byte)'\'';
        var offset = input[i..].IndexOf(quote);
        if (offset < 0)
        {
            return input.Length;
        }

        i += offset;
        AddAttribute(_attributeValueStart, RelativeToTag(i) - _attributeValueStart, quote);
        _state = State.AfterAttributeValueQuoted;
        return i + 1;
    }

    private int StepUnquotedValue(ReadOnlySpan<byte> input, int i, ref int flushed, IBufferWriter<byte> output)
    {
        var offset = input[i..].IndexOfAny(UnquotedValueEnd);
        if (offset < 0)
        {
            return input.Length;
        }

        i += offset;
        AddAttribute(_attributeValueStart, RelativeToTag(i) - _attributeValueStart, 0);
        if (input[i] == '>')
        {
            EmitTag(input, i, ref flushed, output);
            return i + 1;
        }

        _state = State.BeforeAttributeName;
        return i + 1;
    }

    private int StepSlashOrEnd(ReadOnlySpan<byte> input, byte b, int i, ref int flushed, IBufferWriter<byte> output)
    {
        if (b == '/')
        {
            _state = State.SelfClosingStartTag;
            return i + 1;
        }

        if (b == '>')
        {
            EmitTag(input, i, ref flushed, output);
            return i + 1;
        }

        _state = State.BeforeAttributeName;
        return i;
    }
}
