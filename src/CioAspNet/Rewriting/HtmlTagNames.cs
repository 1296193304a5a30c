namespace CioAspNet.Rewriting;

/// <summary>Maps lower-case tag names to <see cref="HtmlTagKind"/>.</summary>
internal static class HtmlTagNames
{
    /// <summary>The longest name that maps to a kind other than <see cref="HtmlTagKind.Other"/>.</summary>
    public const int MaxInterestingLength = 14;

    /// <summary>Returns the lower-case name of a raw text element kind, whose end tag ends its text.</summary>
    public static ReadOnlySpan<byte> NameOf(HtmlTagKind kind) => kind switch
    {
        HtmlTagKind.Script => "script"u8,
        HtmlTagKind.Style => "style"u8,
        HtmlTagKind.Xmp => "xmp"u8,
        HtmlTagKind.Iframe => "iframe"u8,
        HtmlTagKind.Noembed => "noembed"u8,
        HtmlTagKind.Noframes => "noframes"u8,
        HtmlTagKind.Noscript => "noscript"u8,
        HtmlTagKind.Title => "title"u8,
        HtmlTagKind.Textarea => "textarea"u8,
        _ => ReadOnlySpan<byte>.Empty,
    };

    /// <summary>Returns whether a lower-case tag name is that of a void element, which has no end tag.</summary>
    public static bool IsVoid(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("br"u8) || name.SequenceEqual("hr"u8),
        3 => name.SequenceEqual("col"u8) || name.SequenceEqual("img"u8) || name.SequenceEqual("wbr"u8),
        4 => name.SequenceEqual("area"u8) || name.SequenceEqual("base"u8) || name.SequenceEqual("link"u8)
            || name.SequenceEqual("meta"u8),
        5 => name.SequenceEqual("embed"u8) || name.SequenceEqual("frame"u8) || name.SequenceEqual("input"u8)
            || name.SequenceEqual("param"u8) || name.SequenceEqual("track"u8),
        6 => name.SequenceEqual("keygen"u8) || name.SequenceEqual("source"u8),
        7 => name.SequenceEqual("bgsound"u8),
        8 => name.SequenceEqual("basefont"u8),
        _ => false,
    };

    /// <summary>Returns whether a lower-case tag name is that of an HTML element that limits an element scope.</summary>
    public static bool IsScopeBoundary(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("td"u8) || name.SequenceEqual("th"u8),
        4 => name.SequenceEqual("html"u8),
        5 => name.SequenceEqual("table"u8),
        6 => name.SequenceEqual("applet"u8) || name.SequenceEqual("object"u8),
        7 => name.SequenceEqual("caption"u8) || name.SequenceEqual("marquee"u8),
        8 => name.SequenceEqual("template"u8),
        _ => false,
    };

    /// <summary>
    /// Returns whether a lower-case end tag name has a rule of its own in the body or a table. Every other end
    /// tag closes the nearest open element of its name, unless a special element comes first.
    /// </summary>
    public static bool HasOwnEndTagRule(ReadOnlySpan<byte> name) => IsHeading(name) || name.Length switch
    {
        1 => name[0] is (byte)'a' or (byte)'b' or (byte)'i' or (byte)'p' or (byte)'s' or (byte)'u',
        2 => IsOneOf(name, "br dd dl dt em li ol td th tr tt ul"u8),
        3 => IsOneOf(name, "big dir div nav pre"u8),
        4 => IsOneOf(name, "body code font form html main menu nobr"u8),
        5 => IsOneOf(name, "aside small table tbody tfoot thead"u8),
        6 => IsOneOf(name, "applet button center dialog figure footer header hgroup object search strike strong"u8),
        7 => IsOneOf(name, "address article caption details listing marquee section summary"u8),
        8 => IsOneOf(name, "colgroup fieldset template"u8),
        10 => IsOneOf(name, "blockquote figcaption"u8),
        _ => false,
    };

    /// <summary>Returns whether a lower-case tag name is that of an HTML element in the special category.</summary>
    public static bool IsSpecial(ReadOnlySpan<byte> name) => IsHeading(name) || name.Length switch
    {
        1 => name[0] == 'p',
        2 => IsOneOf(name, "br dd dl dt hr li ol td th tr ul"u8),
        3 => IsOneOf(name, "col dir div img nav pre wbr xmp"u8),
        4 => IsOneOf(name, "area base body form head html link main menu meta"u8),
        5 => IsOneOf(name, "aside embed frame input param style table tbody tfoot thead title track"u8),
        6 => IsOneOf(name, "applet button center figure footer header hgroup iframe keygen object script search"u8)
            || IsOneOf(name, "select source"u8),
        7 => IsOneOf(name, "address article bgsound caption details listing marquee noembed section summary"u8),
        8 => IsOneOf(name, "basefont colgroup fieldset frameset noframes noscript template textarea"u8),
        9 => name.SequenceEqual("plaintext"u8),
        10 => IsOneOf(name, "blockquote figcaption"u8),
        _ => false,
    };

    /// <summary>Returns whether the start tag of a lower-case name closes an open p element first.</summary>
    public static bool ClosesParagraph(ReadOnlySpan<byte> name) => IsHeading(name) || name.Length switch
    {
        1 => name[0] == 'p',
        2 => IsOneOf(name, "dd dl dt hr li ol ul"u8),
        3 => IsOneOf(name, "dir div nav pre xmp"u8),
        4 => IsOneOf(name, "form main menu"u8),
        5 => IsOneOf(name, "aside table"u8),
        6 => IsOneOf(name, "center dialog figure footer header hgroup search"u8),
        7 => IsOneOf(name, "address article details listing section summary"u8),
        8 => name.SequenceEqual("fieldset"u8),
        9 => name.SequenceEqual("plaintext"u8),
        10 => IsOneOf(name, "blockquote figcaption"u8),
        _ => false,
    };

    /// <summary>Returns whether a lower-case tag name is that of a formatting element, such as b or a.</summary>
    public static bool IsFormatting(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] is (byte)'a' or (byte)'b' or (byte)'i' or (byte)'s' or (byte)'u',
        2 => IsOneOf(name, "em tt"u8),
        3 => name.SequenceEqual("big"u8),
        4 => IsOneOf(name, "code font nobr"u8),
        5 => name.SequenceEqual("small"u8),
        6 => IsOneOf(name, "strike strong"u8),
        _ => false,
    };

    /// <summary>Returns whether a lower-case tag name is h1 to h6.</summary>
    public static bool IsHeading(ReadOnlySpan<byte> name) =>
        name.Length == 2 && name[0] == 'h' && name[1] is >= (byte)'1' and <= (byte)'6';

    /// <summary>Returns the kind of a lower-case tag name.</summary>
    public static HtmlTagKind Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'a' => HtmlTagKind.A,
            (byte)'b' or (byte)'i' or (byte)'p' or (byte)'s' or (byte)'u' => HtmlTagKind.Breakout,
            _ => HtmlTagKind.Other,
        },
        2 => ClassifyTwo(name),
        3 => ClassifyThree(name),
        4 => ClassifyFour(name),
        5 => ClassifyFive(name),
        6 => ClassifySix(name),
        7 => ClassifySeven(name),
        8 => ClassifyEight(name),
        9 => name.SequenceEqual("plaintext"u8) ? HtmlTagKind.Plaintext : HtmlTagKind.Other,
        10 => ClassifyTen(name),
        13 => name.SequenceEqual("foreignobject"u8) ? HtmlTagKind.ForeignObject : HtmlTagKind.Other,
        14 => name.SequenceEqual("annotation-xml"u8) ? HtmlTagKind.AnnotationXml : HtmlTagKind.Other,
        _ => HtmlTagKind.Other,
    };

    // Returns whether the name is one of the space-separated names of the list.
    private static bool IsOneOf(ReadOnlySpan<byte> name, ReadOnlySpan<byte> list)
    {
        foreach (var range in list.Split((byte)' '))
        {
            if (list[range].SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static HtmlTagKind ClassifyTwo(ReadOnlySpan<byte> name)
    {
        if (name[0] == 'h' && name[1] is >= (byte)'1' and <= (byte)'6')
        {
            return HtmlTagKind.Breakout;
        }

        if (name[0] == 'm' && name[1] is (byte)'i' or (byte)'o' or (byte)'n' or (byte)'s')
        {
            return HtmlTagKind.MathText;
        }

        return name.SequenceEqual("br"u8) || name.SequenceEqual("dd"u8) || name.SequenceEqual("dl"u8)
            || name.SequenceEqual("dt"u8) || name.SequenceEqual("em"u8) || name.SequenceEqual("hr"u8)
            || name.SequenceEqual("li"u8) || name.SequenceEqual("ol"u8) || name.SequenceEqual("tt"u8)
            || name.SequenceEqual("ul"u8)
            ? HtmlTagKind.Breakout
            : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifyThree(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("svg"u8))
        {
            return HtmlTagKind.Svg;
        }

        if (name.SequenceEqual("xmp"u8))
        {
            return HtmlTagKind.Xmp;
        }

        return name.SequenceEqual("big"u8) || name.SequenceEqual("div"u8) || name.SequenceEqual("img"u8)
            || name.SequenceEqual("pre"u8) || name.SequenceEqual("sub"u8) || name.SequenceEqual("sup"u8)
            || name.SequenceEqual("var"u8)
            ? HtmlTagKind.Breakout
            : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifyFour(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("area"u8))
        {
            return HtmlTagKind.Area;
        }

        if (name.SequenceEqual("body"u8))
        {
            return HtmlTagKind.Body;
        }

        if (name.SequenceEqual("math"u8))
        {
            return HtmlTagKind.Math;
        }

        if (name.SequenceEqual("desc"u8))
        {
            return HtmlTagKind.Desc;
        }

        if (name.SequenceEqual("font"u8))
        {
            return HtmlTagKind.Font;
        }

        return name.SequenceEqual("code"u8) || name.SequenceEqual("head"u8) || name.SequenceEqual("menu"u8)
            || name.SequenceEqual("meta"u8) || name.SequenceEqual("nobr"u8) || name.SequenceEqual("ruby"u8)
            || name.SequenceEqual("span"u8)
            ? HtmlTagKind.Breakout
            : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifyFive(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("style"u8))
        {
            return HtmlTagKind.Style;
        }

        if (name.SequenceEqual("title"u8))
        {
            return HtmlTagKind.Title;
        }

        if (name.SequenceEqual("mtext"u8))
        {
            return HtmlTagKind.MathText;
        }

        return name.SequenceEqual("embed"u8) || name.SequenceEqual("small"u8) || name.SequenceEqual("table"u8)
            ? HtmlTagKind.Breakout
            : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifySix(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("script"u8))
        {
            return HtmlTagKind.Script;
        }

        if (name.SequenceEqual("iframe"u8))
        {
            return HtmlTagKind.Iframe;
        }

        if (name.SequenceEqual("mglyph"u8))
        {
            return HtmlTagKind.MathGlyph;
        }

        return name.SequenceEqual("center"u8) || name.SequenceEqual("strike"u8) || name.SequenceEqual("strong"u8)
            ? HtmlTagKind.Breakout
            : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifyTen(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("malignmark"u8))
        {
            return HtmlTagKind.MathGlyph;
        }

        return name.SequenceEqual("blockquote"u8) ? HtmlTagKind.Breakout : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifySeven(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("noembed"u8))
        {
            return HtmlTagKind.Noembed;
        }

        return name.SequenceEqual("listing"u8) ? HtmlTagKind.Breakout : HtmlTagKind.Other;
    }

    private static HtmlTagKind ClassifyEight(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("textarea"u8))
        {
            return HtmlTagKind.Textarea;
        }

        if (name.SequenceEqual("template"u8))
        {
            return HtmlTagKind.Template;
        }

        if (name.SequenceEqual("noframes"u8))
        {
            return HtmlTagKind.Noframes;
        }

        return name.SequenceEqual("noscript"u8) ? HtmlTagKind.Noscript : HtmlTagKind.Other;
    }
}
