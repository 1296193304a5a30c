namespace CioAspNet.Rewriting;

/// <summary>A tag name's kind, its name if the tree rules test for it, and the sets it belongs to.</summary>
internal readonly record struct HtmlTagInfo(HtmlTagKind Kind, HtmlElementName Name, HtmlTagFlags Flags)
{
    public bool Has(HtmlTagFlags flags) => (Flags & flags) != 0;
}

/// <summary>The element names that the tokenizer's tree rules test one by one. Every other name is <see cref="Other"/>.</summary>
internal enum HtmlElementName : byte
{
    Other,
    A,
    Body,
    Br,
    Button,
    Dd,
    Dt,
    Form,
    Head,
    Html,
    Li,
    Nobr,
    Ol,
    P,
    Table,
    Td,
    Template,
    Th,
    Tr,
    Ul,
}

/// <summary>The sets of element names that the tree construction rules of the HTML standard use.</summary>
[Flags]
internal enum HtmlTagFlags : ushort
{
    None = 0,

    /// <summary>A void element, which has no end tag.</summary>
    Void = 1 << 0,

    /// <summary>An element of the special category.</summary>
    Special = 1 << 1,

    /// <summary>An element that limits an element scope: applet, caption, html, marquee, object, table, td, th, template.</summary>
    ScopeBoundary = 1 << 2,

    /// <summary>An end tag with a rule of its own in the body or a table.</summary>
    OwnEndTagRule = 1 << 3,

    /// <summary>A start tag that closes an open p element first.</summary>
    ClosesParagraph = 1 << 4,

    /// <summary>A formatting element, such as a, b or em.</summary>
    Formatting = 1 << 5,

    /// <summary>h1 to h6.</summary>
    Heading = 1 << 6,

    /// <summary>table, caption, colgroup, tbody, thead, tfoot, tr, td or th.</summary>
    TablePart = 1 << 7,

    /// <summary>table, template or html, where the end tags of rows and cells stop looking.</summary>
    TableBoundary = 1 << 8,

    /// <summary>A special element other than address, div and p, where li, dd and dt stop looking.</summary>
    ListItemBoundary = 1 << 9,

    /// <summary>A scope boundary other than table, where the start tags of a, nobr and table stop looking.</summary>
    Marker = 1 << 10,

    /// <summary>
    /// A start tag that does more in HTML content than open an element (or nothing, for a void element) and close
    /// an open p: it switches to a text state, opens SVG, MathML or a template, or closes other elements.
    /// </summary>
    OwnStartTagRule = 1 << 11,
}
