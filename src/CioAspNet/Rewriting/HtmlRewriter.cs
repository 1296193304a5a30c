using System.Buffers;
using CioAspNet.Links;

namespace CioAspNet.Rewriting;

/// <summary>
/// Streams an HTML document through <see cref="HtmlTokenizer"/>, inserts content once, right before the first
/// real <c>&lt;/body&gt;</c> end tag (not one inside a comment, a raw text element, an attribute value or a
/// template), and rewrites the links of <c>a</c> and <c>area</c> start tags when asked to. Every other byte
/// passes through unchanged.
/// </summary>
internal sealed class HtmlRewriter : IHtmlTokenSink
{
    private readonly HtmlTokenizer _tokenizer;
    private readonly IBodyEndContent? _content;
    private readonly LinkTagWriter? _links;

    /// <param name="content">What to insert before the body end tag, or null to insert nothing.</param>
    /// <param name="links">Rewrites links to allowed hosts, or null to leave every link alone.</param>
    public HtmlRewriter(IBodyEndContent? content, LinkTagWriter? links = null)
    {
        _content = content;
        _links = links;
        _tokenizer = new HtmlTokenizer(this);
    }

    /// <summary>Whether the content has been inserted.</summary>
    public bool Inserted { get; private set; }

    /// <summary>Whether the document carried a loader of its own before its <c>&lt;/body&gt;</c>.</summary>
    public bool LoaderPresent { get; private set; }

    /// <summary>The number of tags that were too long to inspect, see <see cref="HtmlTokenizer.MaxHeldTagBytes"/>.</summary>
    public int AbandonedTags => _tokenizer.AbandonedTags;

    /// <summary>The number of links that got <c>_cio_id</c>.</summary>
    public int RewrittenLinks => _links?.RewrittenLinks ?? 0;

    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output) => _tokenizer.Write(input, output);

    public void Complete(IBufferWriter<byte> output) => _tokenizer.Complete(output);

    uint IHtmlTokenSink.RequestedStartTagKinds =>
        (_content is null ? 0 : KindBit(HtmlTagKind.Script))
        | (_links is null ? 0 : KindBit(HtmlTagKind.A) | KindBit(HtmlTagKind.Area));

    uint IHtmlTokenSink.RequestedEndTagKinds => _content is null ? 0 : KindBit(HtmlTagKind.Body);

    bool IHtmlTokenSink.WantsTag(HtmlTagKind kind, bool isEndTag, ReadOnlySpan<byte> name) => kind switch
    {
        HtmlTagKind.Body => isEndTag && _content is not null && !Inserted && !_tokenizer.InTemplate,
        HtmlTagKind.Script => !isEndTag && _content is not null && !Inserted && !LoaderPresent,
        HtmlTagKind.A or HtmlTagKind.Area => !isEndTag && _links is not null,
        _ => false,
    };

    bool IHtmlTokenSink.TryWriteTag(
        in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes, ReadOnlySpan<byte> before, IBufferWriter<byte> output)
    {
        if (tag.Kind is HtmlTagKind.A or HtmlTagKind.Area)
        {
            return _links!.TryWrite(tag, tagBytes, before, output);
        }

        if (tag.Kind == HtmlTagKind.Body)
        {
            Inserted = true;
            output.Write(before);
            _content!.WriteTo(output, LoaderPresent);
            output.Write(tagBytes);
            return true;
        }

        if (IsLoader(tag, tagBytes))
        {
            LoaderPresent = true;
        }

        return false;
    }

    private static uint KindBit(HtmlTagKind kind) => 1u << (int)kind;

    // A loader is a script element marked by this package, or one with id="cio-tracker" written by hand.
    private static bool IsLoader(in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes)
    {
        var seenId = false;
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.NameEquals(tagBytes, "data-cio-loader"u8))
            {
                return true;
            }

            if (!seenId && attribute.NameEquals(tagBytes, "id"u8))
            {
                seenId = true;
                if (attribute.ValueIn(tagBytes).SequenceEqual("cio-tracker"u8))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
