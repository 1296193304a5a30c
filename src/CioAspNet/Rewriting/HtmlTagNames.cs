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
