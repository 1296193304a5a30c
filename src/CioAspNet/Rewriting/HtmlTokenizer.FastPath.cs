using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

// Perf: most of a page is text and ordinary tags in the data state. A tag that ends within the current write is
// read here in one pass, with the same transitions as the tag states of the state machine. Anything else (a tag
// cut by the end of the write, a comment, a doctype, a '<' that starts no tag) goes to the state machine.
internal sealed partial class HtmlTokenizer
{
    // Reads the text from i and the tags in it while the tokenizer stays in the data state, and returns the index
    // of the next byte for the state machine.
    private int StepData(ReadOnlySpan<byte> input, int i, ref int flushed, IBufferWriter<byte> output)
    {
        while (true)
        {
            i = ByteSearch.IndexOf(input, i, (byte)'<');
            if (i < 0)
            {
                return input.Length;
            }

            BeginTag(i);
            var end = ScanTag(input, i, ref flushed, output);
            if (end < 0)
            {
                // The state machine reads the tag again from its start.
                BeginTag(i);
                _state = State.TagOpen;
                return i + 1;
            }

            if (_state != State.Data || end == input.Length)
            {
                return end;
            }

            i = end;
        }
    }

    // Reads the tag whose '<' is at start and returns the index after its '>', or -1 when the tag does not end in
    // this write or is not a start or end tag.
    private int ScanTag(ReadOnlySpan<byte> input, int start, ref int flushed, IBufferWriter<byte> output)
    {
        var i = start + 1;
        if (i + 1 >= input.Length)
        {
            return -1;
        }

        _isEndTag = input[i] == '/';
        if (_isEndTag)
        {
            i++;
        }

        if (!IsAsciiAlpha(input[i]))
        {
            return -1;
        }

        i = ScanTagName(input, i, out var low, out var high);
        if (i < 0)
        {
            return -1;
        }

        EndTagName(output, low, high);
        return ScanAttributes(input, start, i, ref flushed, output);
    }

    // Reads the name from its first letter at i, packs it as HtmlTagNames.Pack does, and returns the index after
    // it. Perf: the words are built in registers and stored whole, because packing bytes that were just stored one
    // by one stalls on store forwarding.
    private int ScanTagName(ReadOnlySpan<byte> input, int i, out ulong low, out ulong high)
    {
        if (ByteSearch.TryReadTagName(input, i, out var nameLength, out low, out high))
        {
            _nameLength = nameLength;
            Span<byte> buffer = _name;
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, low);
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[8..], high);
            return i + nameLength;
        }

        low = 0;
        high = 0;
        var nameStart = i;
        for (; i < input.Length; i++)
        {
            var b = input[i];
            if (b is (byte)'>' or (byte)'/' || IsWhitespace(b))
            {
                _nameLength = i - nameStart;
                Span<byte> name = _name;
                BinaryPrimitives.WriteUInt64LittleEndian(name, low);
                BinaryPrimitives.WriteUInt64LittleEndian(name[8..], high);
                return i;
            }

            var length = i - nameStart;
            if (length < 8)
            {
                low |= (ulong)ToLower(b) << (length * 8);
            }
            else if (length < NameBufferLength)
            {
                high |= (ulong)ToLower(b) << ((length - 8) * 8);
            }
        }

        return -1;
    }

    // Reads the attributes from i, after the tag name, through the tag's '>', and emits the tag.
    private int ScanAttributes(ReadOnlySpan<byte> input, int start, int i, ref int flushed, IBufferWriter<byte> output)
    {
        while (true)
        {
            i = SkipWhitespace(input, i);
            if (i == input.Length)
            {
                return -1;
            }

            var b = input[i];
            if (b == '>')
            {
                EmitTag(input, i, ref flushed, output);
                return i + 1;
            }

            if (b == '/')
            {
                // A '/' not followed by '>' is dropped, and what follows it is read as the next attribute.
                i++;
                if (i == input.Length)
                {
                    return -1;
                }

                if (input[i] == '>')
                {
                    _selfClosing = true;
                    EmitTag(input, i, ref flushed, output);
                    return i + 1;
                }

                continue;
            }

            // The first byte belongs to the name even when it is '=', so the search for the name's end starts after it.
            var nameEnd = ByteSearch.IndexOfAttributeNameEnd(input, i + 1);
            if (nameEnd < 0)
            {
                return -1;
            }

            _attributeNameStart = i - start;
            _attributeNameLength = nameEnd - i;
            i = SkipWhitespace(input, nameEnd);
            if (i == input.Length)
            {
                return -1;
            }

            if (input[i] != '=')
            {
                if (_wanted)
                {
                    AddAttribute(-1, 0, 0);
                }

                continue;
            }

            i = ScanAttributeValue(input, start, SkipWhitespace(input, i + 1));
            if (i < 0)
            {
                return -1;
            }
        }
    }

    // Reads the value that starts at i, after the '=' and any spaces, and returns the index after it: after the
    // closing quote, or at the space or '>' that ends an unquoted value. A '>' right here makes an empty value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ScanAttributeValue(ReadOnlySpan<byte> input, int start, int i)
    {
        if (i == input.Length)
        {
            return -1;
        }

        var quote = input[i];
        if (quote is (byte)'"' or (byte)'\'')
        {
            var close = ByteSearch.IndexOf(input, i + 1, quote);
            if (close < 0)
            {
                return -1;
            }

            if (_wanted)
            {
                AddAttribute(i + 1 - start, close - i - 1, quote);
            }

            return close + 1;
        }

        if (quote == '>')
        {
            AddAttribute(i - start, 0, 0);
            return i;
        }

        var unquotedLength = input[i..].IndexOfAny(UnquotedValueEnd);
        if (unquotedLength < 0)
        {
            return -1;
        }

        AddAttribute(i - start, unquotedLength, 0);
        return i + unquotedLength;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> input, int i)
    {
        while (i < input.Length && IsWhitespace(input[i]))
        {
            i++;
        }

        return i;
    }
}
