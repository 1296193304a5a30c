using System.Buffers;
using System.Text;
using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Conformance;

/// <summary>
/// A start or end tag as the tokenizer reported it, with names and attribute values decoded as the WHATWG
/// tokenizer does.
/// </summary>
internal sealed record RecordedTag(bool IsEndTag, string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes,
    bool SelfClosing)
{
    public override string ToString()
    {
        if (IsEndTag)
        {
            return $"</{Name}>";
        }

        var attributes = string.Concat(Attributes.Select(a => $" {a.Key}=\"{a.Value}\""));
        return $"<{Name}{attributes}{(SelfClosing ? " /" : "")}>";
    }
}

/// <summary>
/// A token sink that requests every tag, records it, and leaves it unchanged. It reads names from the tag bytes,
/// because the tokenizer keeps only the first <see cref="HtmlTokenizer.NameBufferLength"/> bytes of a name, and
/// checks that those bytes agree with the tag bytes.
/// </summary>
internal sealed class TagRecorder : IHtmlTokenSink
{
    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\n\f\r/>"u8);

    private readonly List<RecordedTag> _tags = [];
    private readonly List<string> _inconsistencies = [];

    public IReadOnlyList<RecordedTag> Tags => _tags;

    /// <summary>Differences between what the tokenizer reported and what its tag bytes contain.</summary>
    public IReadOnlyList<string> Inconsistencies => _inconsistencies;

    /// <summary>Tokenizes the input, cut into writes of the given size, and returns the tags it found.</summary>
    public static TagRecorder Tokenize(byte[] input, int writeSize)
    {
        var recorder = new TagRecorder();
        var tokenizer = new HtmlTokenizer(recorder);
        var output = new ArrayBufferWriter<byte>();
        for (var offset = 0; offset < input.Length; offset += writeSize)
        {
            tokenizer.Write(input.AsSpan(offset, Math.Min(writeSize, input.Length - offset)), output);
        }

        tokenizer.Complete(output);
        if (!output.WrittenSpan.SequenceEqual(input))
        {
            recorder._inconsistencies.Add("the output differs from the input, although the sink changes nothing");
        }

        return recorder;
    }

    public bool WantsTag(HtmlTagKind kind, bool isEndTag, ReadOnlySpan<byte> name) => true;

    public bool TryWriteTag(
        in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, ReadOnlySpan<byte> before, IBufferWriter<byte> output)
    {
        var nameStart = tag.IsEndTag ? 2 : 1;
        var nameBytes = tagBytes[nameStart..];
        var nameLength = nameBytes.IndexOfAny(NameEnd);
        nameBytes = nameBytes[..(nameLength < 0 ? nameBytes.Length : nameLength)];
        CheckBufferedName(tag.Name, nameBytes);

        var attributes = new List<KeyValuePair<string, string>>();
        if (!tag.IsEndTag)
        {
            foreach (var attribute in tag.Attributes)
            {
                var attributeName = DecodeName(attribute.NameIn(tagBytes));
                if (attributes.TrueForAll(a => a.Key != attributeName))
                {
                    var value = HtmlCharacterReferences.DecodeAttributeValue(DecodeText(attribute.ValueIn(tagBytes)));
                    attributes.Add(new(attributeName, value));
                }
            }
        }

        _tags.Add(new RecordedTag(tag.IsEndTag, DecodeName(nameBytes), attributes, tag.SelfClosing));
        return false;
    }

    private void CheckBufferedName(ReadOnlySpan<byte> buffered, ReadOnlySpan<byte> fromTag)
    {
        var prefix = fromTag[..Math.Min(fromTag.Length, HtmlTokenizer.NameBufferLength)].ToArray();
        for (var i = 0; i < prefix.Length; i++)
        {
            prefix[i] = prefix[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(prefix[i] | 0x20) : prefix[i];
        }

        if (!buffered.SequenceEqual(prefix))
        {
            _inconsistencies.Add(
                $"tag name buffer '{Encoding.UTF8.GetString(buffered)}' is not the lower-case start of " +
                $"'{Encoding.UTF8.GetString(fromTag)}'");
        }
    }

    // The WHATWG tokenizer lower-cases only ASCII letters in names, and replaces U+0000 with U+FFFD in names and values.
    private static string DecodeName(ReadOnlySpan<byte> bytes)
    {
        var text = DecodeText(bytes);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
        }

        return builder.ToString();
    }

    private static string DecodeText(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes).Replace('\0', '\uFFFD');
}
