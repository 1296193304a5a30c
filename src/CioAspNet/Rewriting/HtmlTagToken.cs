using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

/// <summary>
/// The name and attributes of a tag that the sink asked to see. Offsets are relative to the tag's first
/// byte, the <c>&lt;</c>, so they index the tag bytes passed with it.
/// </summary>
internal readonly ref struct HtmlTagToken
{
    public HtmlTagToken(
        HtmlTagKind kind, bool isEndTag, bool selfClosing, ReadOnlySpan<byte> name, ReadOnlySpan<HtmlAttributeSpan> attributes)
    {
        Kind = kind;
        IsEndTag = isEndTag;
        SelfClosing = selfClosing;
        Name = name;
        Attributes = attributes;
    }

    public HtmlTagKind Kind { get; }

    public bool IsEndTag { get; }

    public bool SelfClosing { get; }

    /// <summary>The lower-case name, cut at <see cref="HtmlTokenizer.NameBufferLength"/> bytes.</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>The attributes in source order, duplicates included; the first of a name is the one that counts.</summary>
    public ReadOnlySpan<HtmlAttributeSpan> Attributes { get; }
}

/// <summary>Where one attribute's name and value sit in the tag bytes.</summary>
/// <param name="NameStart">Offset of the name's first byte.</param>
/// <param name="NameLength">Length of the name in bytes.</param>
/// <param name="ValueStart">Offset of the value's first byte, after any quote; -1 when there is no value.</param>
/// <param name="ValueLength">Length of the value in bytes, quotes excluded.</param>
/// <param name="Quote">The quote byte (<c>"</c> or <c>'</c>), or 0 for an unquoted or missing value.</param>
internal readonly record struct HtmlAttributeSpan(int NameStart, int NameLength, int ValueStart, int ValueLength, byte Quote)
{
    public bool HasValue => ValueStart >= 0;

    public ReadOnlySpan<byte> NameIn(ReadOnlySpan<byte> tag) => tag.Slice(NameStart, NameLength);

    public ReadOnlySpan<byte> ValueIn(ReadOnlySpan<byte> tag) =>
        HasValue ? tag.Slice(ValueStart, ValueLength) : ReadOnlySpan<byte>.Empty;

    /// <summary>Compares the name with a lower-case ASCII name, ignoring ASCII case.</summary>
    public bool NameEquals(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> lowerCaseName) =>
        NameLength == lowerCaseName.Length && System.Text.Ascii.EqualsIgnoreCase(NameIn(tag), lowerCaseName);
}

/// <summary>A fixed buffer for the lower-case start of a tag name.</summary>
[InlineArray(HtmlTokenizer.NameBufferLength)]
internal struct HtmlNameBuffer
{
    private byte _element;
}
