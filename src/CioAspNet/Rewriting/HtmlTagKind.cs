namespace CioAspNet.Rewriting;

/// <summary>
/// Tag names that change how the tokenizer or the rewriter treats what follows. Every other name is
/// <see cref="Other"/>.
/// </summary>
internal enum HtmlTagKind : byte
{
    Other,
    A,
    Area,
    Body,
    Script,
    Style,
    Xmp,
    Iframe,
    Noembed,
    Noframes,
    Noscript,
    Title,
    Textarea,
    Plaintext,
    Template,
    Svg,
    Math,
    ForeignObject,
    Desc,
    MathText,
    MathGlyph,
    AnnotationXml,

    /// <summary>Only on the tokenizer's context stack: an annotation-xml that is an HTML integration point.</summary>
    HtmlAnnotationXml,

    /// <summary>Only on the tokenizer's context stack: a template element inside SVG or MathML.</summary>
    ForeignTemplate,
    Font,
    Breakout,
}
