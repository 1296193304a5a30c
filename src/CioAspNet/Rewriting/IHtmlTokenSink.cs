using System.Buffers;

namespace CioAspNet.Rewriting;

/// <summary>
/// Receives the tags that <see cref="HtmlTokenizer"/> finds, and writes the bytes of the tags it asked for.
/// </summary>
internal interface IHtmlTokenSink
{
    /// <summary>
    /// Decides, once the tag name is known, whether the tokenizer holds the tag back and passes it to
    /// <see cref="WriteTag"/>. Tags not wanted are copied to the output unchanged.
    /// </summary>
    bool WantsTag(HtmlTagKind kind, bool isEndTag, ReadOnlySpan<byte> name);

    /// <summary>
    /// The kinds that <see cref="WantsTag"/> may accept, one bit per <see cref="HtmlTagKind"/> value, read once
    /// when the tokenizer is created. Tags of other kinds are not offered.
    /// </summary>
    uint WantedKinds => uint.MaxValue;

    /// <summary>
    /// Writes a wanted tag, changed or not, to <paramref name="output"/>. The bytes before the tag are already written.
    /// </summary>
    void WriteTag(in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, IBufferWriter<byte> output);
}
