using System.Buffers;
using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

/// <summary>
/// A streaming tokenizer for the subset of the WHATWG HTML tokenizer that finds real tags: tags, attributes,
/// comments, doctypes, CDATA sections in SVG and MathML, and the text of <c>script</c>, <c>style</c>,
/// <c>title</c>, <c>textarea</c> and the other raw text elements.
/// </summary>
/// <remarks>
/// Bytes pass to the output unchanged, except the tags that the sink asks for: the tokenizer holds such a
/// tag back from its <c>&lt;</c> until its <c>&gt;</c> and hands the whole tag to the sink. A tag that spans
/// two writes is kept in a carry buffer of at most <see cref="MaxHeldTagBytes"/> bytes; a wanted tag longer
/// than that passes through unchanged whatever the write sizes, so the output never depends on them. The
/// input must be UTF-8 or another charset in which bytes below 0x80 are ASCII.
/// </remarks>
internal sealed partial class HtmlTokenizer
{
    /// <summary>The length of the buffer for the lower-case start of a tag name.</summary>
    public const int NameBufferLength = 16;

    /// <summary>The longest tag, in bytes, that the sink can change.</summary>
    public const int MaxHeldTagBytes = 16 * 1024;

    private const int InitialAttributeCapacity = 8;

    private readonly IHtmlTokenSink _sink;
    private readonly uint _requestedStartTagKinds;
    private readonly uint _requestedEndTagKinds;
    private State _state = State.Data;
    private TextMode _textMode = TextMode.Data;
    private State _rawReturnState;
    private HtmlTagKind _rawKind;

    // Stream offset of the first byte of the current write, and of the current tag's '<'.
    private long _position;
    private long _tagStart;

    // A held tag is wanted by the sink, or has attributes that decide how the tree builder treats it, or both.
    private bool _holding;
    private bool _wanted;
    private bool _sinkWants;
    private bool _inspectAttributes;
    private bool _abandoned;
    private byte[]? _carry;
    private int _carryLength;

    private HtmlNameBuffer _name;
    private int _nameLength;
    private ulong _nameLow;
    private ulong _nameHigh;
    private HtmlTagInfo _tagInfo;
    private bool _isEndTag;
    private bool _selfClosing;

    private HtmlAttributeSpan[]? _attributes;
    private int _attributeCount;
    private int _attributeNameStart;
    private int _attributeNameLength;

    private int _matchIndex;
    private bool _matchOk;
    private ReadOnlySpan<byte> RawEndName => HtmlTagNames.NameOf(_rawKind);

    private HtmlTagKind TagKind => _tagInfo.Kind;

    public HtmlTokenizer(IHtmlTokenSink sink)
    {
        _sink = sink;
        _requestedStartTagKinds = sink.RequestedStartTagKinds;
        _requestedEndTagKinds = sink.RequestedEndTagKinds;
    }

    /// <summary>Whether the tokenizer is inside a <c>template</c> element, where end tags do not close the body.</summary>
    public bool InTemplate => _templateDepth > 0;

    /// <summary>The number of wanted tags that passed through unchanged because they were too long.</summary>
    public int AbandonedTags { get; private set; }

    /// <summary>Tokenizes the next bytes of the document and writes them, or what the sink makes of them.</summary>
    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        var flushed = 0;
        var i = 0;
        while (i < input.Length)
        {
            i = Step(input, i, ref flushed, output);
        }

        FinishWrite(input, flushed, output);
    }

    /// <summary>Ends the document: a tag still open at the end is not a tag, so its bytes pass through.</summary>
    public void Complete(IBufferWriter<byte> output)
    {
        if (_carryLength > 0)
        {
            output.Write(_carry.AsSpan(0, _carryLength));
        }

        _carryLength = 0;
        _holding = false;
        ReturnCarry();
        ReturnOpenElements();
    }

    private void FinishWrite(ReadOnlySpan<byte> input, int flushed, IBufferWriter<byte> output)
    {
        if (!_holding)
        {
            output.Write(input[flushed..]);
            _position += input.Length;
            return;
        }

        var localStart = LocalTagStart();
        output.Write(input[flushed..localStart]);
        var heldLength = _position + input.Length - _tagStart;
        if (heldLength > MaxHeldTagBytes)
        {
            Abandon(output);
            output.Write(input[localStart..]);
        }
        else
        {
            AppendCarry(input[localStart..]);
        }

        _position += input.Length;
    }

    private int LocalTagStart() => (int)Math.Max(0, _tagStart - _position);

    private void BeginTag(int i)
    {
        _tagStart = _position + i;
        _holding = true;
        _wanted = false;
        _sinkWants = false;
        _inspectAttributes = false;
        _attributesMatter = false;
        _abandoned = false;
        _nameLength = 0;
        _attributeCount = 0;
        _selfClosing = false;
        _tagInfo = default;
    }

    // Stops holding the current tag: what was carried from earlier writes goes out, and the rest of this
    // write stays pending as plain bytes.
    private void Release(IBufferWriter<byte> output)
    {
        if (!_holding)
        {
            return;
        }

        _holding = false;
        if (_carryLength > 0)
        {
            output.Write(_carry.AsSpan(0, _carryLength));
            _carryLength = 0;
        }
    }

    private void Abandon(IBufferWriter<byte> output)
    {
        if (_sinkWants)
        {
            AbandonedTags++;
        }

        Release(output);
        _wanted = false;
        _sinkWants = false;
        _inspectAttributes = false;
        _abandoned = true;
    }

    private void AppendCarry(ReadOnlySpan<byte> bytes)
    {
        var needed = _carryLength + bytes.Length;
        if (_carry is null || _carry.Length < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 256));
            _carry.AsSpan(0, _carryLength).CopyTo(larger);
            ReturnCarry();
            _carry = larger;
        }

        bytes.CopyTo(_carry.AsSpan(_carryLength));
        _carryLength = needed;
    }

    private void ReturnCarry()
    {
        if (_carry is not null)
        {
            ArrayPool<byte>.Shared.Return(_carry);
            _carry = null;
        }
    }

    // Called when the tag name in the name buffer is complete.
    private void EndTagName(IBufferWriter<byte> output)
    {
        HtmlTagNames.Pack(_name, Math.Min(_nameLength, NameBufferLength), out var low, out var high);
        EndTagName(output, low, high);
    }

    // Called when the tag name is complete and packed: the sink decides whether it wants the tag, which is released
    // if not. A name longer than the buffer is no name the table holds.
    private void EndTagName(IBufferWriter<byte> output, ulong low, ulong high)
    {
        _nameLow = low;
        _nameHigh = high;
        _tagInfo = _nameLength <= HtmlTagNames.MaxLength ? HtmlTagNames.Lookup(low, high, _nameLength) : default;
        if (_abandoned)
        {
            Release(output);
            return;
        }

        _inspectAttributes = AttributesDecideContext();
        var requestedKinds = _isEndTag ? _requestedEndTagKinds : _requestedStartTagKinds;
        _sinkWants = ((requestedKinds >> (int)TagKind) & 1) != 0
            && _sink.WantsTag(TagKind, _isEndTag, _name[..Math.Min(_nameLength, NameBufferLength)]);
        _wanted = _sinkWants || _inspectAttributes;
        if (!_wanted)
        {
            Release(output);
        }
    }

    private void AppendNameByte(byte b)
    {
        if (_nameLength < NameBufferLength)
        {
            _name[_nameLength] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        _nameLength++;
    }

    // Called at the '>' of a tag: writes a wanted tag through the sink, then updates the tokenizer's context.
    private void EmitTag(ReadOnlySpan<byte> input, int i, ref int flushed, IBufferWriter<byte> output)
    {
        var end = i + 1;
        if (_holding && _wanted)
        {
            WriteWantedTag(input, end, ref flushed, output);
        }
        else
        {
            Release(output);
        }

        _holding = false;
        _wanted = false;
        _sinkWants = false;
        UpdateContext();
    }

    // Perf: kept out of line, so that the JIT spends its inlining budget on the path of ordinary tags.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteWantedTag(ReadOnlySpan<byte> input, int end, ref int flushed, IBufferWriter<byte> output)
    {
        if (_position + end - _tagStart > MaxHeldTagBytes)
        {
            Abandon(output);
            return;
        }

        // A tag carried from earlier writes has nothing before it in this write.
        var carried = _carryLength > 0;
        ReadOnlySpan<byte> tagBytes;
        ReadOnlySpan<byte> before = default;
        if (carried)
        {
            AppendCarry(input[..end]);
            tagBytes = _carry.AsSpan(0, _carryLength);
        }
        else
        {
            var localStart = LocalTagStart();
            before = input[flushed..localStart];
            tagBytes = input[localStart..end];
        }

        var token = new HtmlTagToken(
            TagKind,
            _isEndTag,
            _selfClosing,
            _name[..Math.Min(_nameLength, NameBufferLength)],
            _attributes.AsSpan(0, _attributeCount));
        if (_inspectAttributes)
        {
            InspectAttributes(token, tagBytes);
        }

        if (_sinkWants && _sink.TryWriteTag(token, tagBytes, before, output))
        {
            flushed = end;
        }
        else if (carried)
        {
            output.Write(tagBytes);
            flushed = end;
        }

        // Otherwise the unchanged tag stays pending with the bytes before it.
        _carryLength = 0;
    }

    private int RelativeToTag(int i) => (int)(_position + i - _tagStart);

    private void BeginAttribute(int i)
    {
        _attributeNameStart = RelativeToTag(i);
        _attributeNameLength = 0;
    }

    private void EndAttributeName(int i) => _attributeNameLength = RelativeToTag(i) - _attributeNameStart;

    private void AddAttribute(int valueStart, int valueLength, byte quote)
    {
        if (!_wanted)
        {
            return;
        }

        _attributes ??= new HtmlAttributeSpan[InitialAttributeCapacity];
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] =
            new HtmlAttributeSpan(_attributeNameStart, _attributeNameLength, valueStart, valueLength, quote);
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r';

    private static bool IsAsciiAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
