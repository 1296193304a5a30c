using System.Buffers;

namespace CioAspNet.Rewriting;

/// <summary>
/// Receives the tags that <see cref="HtmlTokenizer"/> finds, and writes the bytes of the tags it asked for.
/// </summary>
internal interface IHtmlTokenSink
{
    /// <summary>
    /// Decides, once the tag name is known, whether the tokenizer holds the tag back and passes it to
    /// <see cref="TryWriteTag"/>. Tags not wanted are copied to the output unchanged.
    /// </summary>
    bool WantsTag(HtmlTagKind kind, bool isEndTag, ReadOnlySpan<byte> name);

    /// <summary>
    /// The kinds of start tags that <see cref="WantsTag"/> may accept, one bit per <see cref="HtmlTagKind"/> value,
    /// read once when the tokenizer is created. Start tags of other kinds are not offered.
    /// </summary>
    uint RequestedStartTagKinds => uint.MaxValue;

    /// <summary>The kinds of end tags that <see cref="WantsTag"/> may accept, as in <see cref="RequestedStartTagKinds"/>.</summary>
    uint RequestedEndTagKinds => uint.MaxValue;

    /// <summary>
    /// Changes a requested tag: writes <paramref name="before"/>, the bytes between the last output and the tag, then
    /// what replaces the tag, and returns true. Returns false, having written nothing, to leave the tag unchanged.
    /// </summary>
    /// <remarks>Perf: an unchanged tag stays with the bytes around it, which go to the output in one write.</remarks>
    bool TryWriteTag(
        in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, ReadOnlySpan<byte> before, IBufferWriter<byte> output);
}
