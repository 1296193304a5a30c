using CsCheck;

namespace CioAspNet.Tests.Conformance;

/// <summary>A generated document, and whether it is free of the broken markup that can move its body end tag.</summary>
/// <param name="Html">The document.</param>
/// <param name="WellFormed">
/// True when the document has a real <c>&lt;body&gt;</c> start tag and no broken markup, so that its first
/// <c>&lt;/body&gt;</c> end tag must sit inside the body.
/// </param>
internal sealed record GeneratedDocument(string Html, bool WellFormed);

/// <summary>
/// CsCheck generators of HTML documents that exercise the tokenizer: comments, raw text and script data that
/// hold <c>&lt;/body&gt;</c>, attributes that hold <c>&gt;</c>, templates, SVG and MathML with CDATA sections,
/// upper case, NUL characters and broken markup.
/// </summary>
internal static class HtmlDocumentGenerator
{
    private const int MaxDepth = 3;

    private static GeneratedDocument ToDocument(
        (string Doctype, string Html, Markup Head, Markup Body, Markup Content, string End, Markup After, string Tail) p)
    {
        var html = p.Doctype + p.Html + p.Head.Html + p.Body.Html + p.Content.Html + p.End + p.After.Html + p.Tail;
        var broken = p.Head.Broken || p.Content.Broken || p.After.Broken;
        return new GeneratedDocument(html, p.Body.OpensBody && !broken);
    }

    private static Gen<Markup> Content(int depth) => ContentByDepth[depth];

    private static Gen<Markup>[] BuildContent()
    {
        var byDepth = new Gen<Markup>[MaxDepth + 1];
        byDepth[0] = Leaf;
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var inner = byDepth[depth - 1].Array[0, 3].Select(Markup.Concat);

            // NOTE: no template inside SVG or MathML, because AngleSharp 1.10.4 takes an SVG template for a scope
            // boundary when an end tag closes a heading, where the HTML standard counts only HTML templates.
            var foreignInner = inner.Where(m => !m.Html.Contains("template", StringComparison.OrdinalIgnoreCase));
            byDepth[depth] = Gen.Frequency(
                (6, Leaf),
                (3, Element(inner)),
                (1, FormattingElement),
                (1, Template(inner)),
                (1, Svg(foreignInner)),
                (1, MathMl(foreignInner)),
                (1, Table(inner)));
        }

        return byDepth;
    }

    private static Gen<string> Text { get; } = Gen.OneOf<string>(
        Gen.Const("x"), Gen.Const("a < b"), Gen.Const("&amp; &lt; &"), Gen.Const("\0"), Gen.Const(" "),
        Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("caf\u00e9 \u2028"), Gen.Const("</ body>"), Gen.Const("</bodyx>"),
        Gen.Const("< /body>"), Gen.Const("</>"), Gen.Const("<"), Gen.Const("<<"), Gen.Const("</body\0>"),
        Gen.Const("<3"), Gen.Const("]]>"), Gen.Const("-->"));

    private static Gen<string> AttributeValue { get; } = Gen.OneOf<string>(
        Gen.Const(""), Gen.Const("x"), Gen.Const("a>b"), Gen.Const("</body>"), Gen.Const("\0"), Gen.Const("a b"),
        Gen.Const("&quot;&amp"), Gen.Const("'"), Gen.Const("\""), Gen.Const("-->"), Gen.Const("<!--"),
        Gen.Const("https://example.com/?a=1&b=2"));

    private static Gen<string> Attribute { get; } = Gen.Select(
        Gen.OneOf("class", "id", "title", "href", "data-x", "a", "xlink:href", "n\0", "=", "encoding", "color"),
        Gen.Int[0, 5],
        AttributeValue,
        Gen.UInt,
        (name, form, value, caseMask) =>
        {
            var casedName = WithCase(name, caseMask);
            return form switch
            {
                0 => $" {casedName}",
                1 => $" {casedName}=\"{value.Replace("\"", "", StringComparison.Ordinal)}\"",
                2 => $" {casedName}='{value.Replace("'", "", StringComparison.Ordinal)}'",
                3 => $" {casedName}={Unquoted(value)}",
                4 => $"\n{casedName} = \"{value.Replace("\"", "", StringComparison.Ordinal)}\"",
                _ => $"/{casedName}",
            };
        });

    private static Gen<string> Attributes { get; } = Attribute.Array[0, 3].Select(string.Concat);

    private static Gen<string> Comment { get; } = Gen.OneOf<string>(
        Gen.Const("<!-- </body> -->"), Gen.Const("<!---->"), Gen.Const("<!-->"), Gen.Const("<!--->"),
        Gen.Const("<!-- a -- b </body> -->"), Gen.Const("<!-- a --!> "), Gen.Const("<!-- <!-- </body> -- >-->"),
        Gen.Const("<!--\0</body>-->"), Gen.Const("<!-- <script> </body> -->"), Gen.Const("<!-- --!-></body>-->"));

    private static Gen<string> Bogus { get; } = Gen.OneOf<string>(
        Gen.Const("<!x </body> y>"), Gen.Const("<? </body> ?>"), Gen.Const("</ </body>"), Gen.Const("<!DOCTYPE x>"),
        Gen.Const("<![CDATA[ </body> ]]>"), Gen.Const("</3 </body>"), Gen.Const("<!-x </body>>"), Gen.Const("</>x"));

    private static Gen<string> VoidElement { get; } = Gen.Select(
        Gen.OneOf("br", "img", "input", "hr", "meta", "link", "wbr"), Attributes, Gen.Bool, Gen.UInt,
        (name, attributes, selfClosing, caseMask) => $"<{WithCase(name, caseMask)}{attributes}{(selfClosing ? "/" : "")}>");

    private static Gen<string> ScriptBody { get; } = Gen.OneOf<string>(
        Gen.Const("var s = \"</body>\";"), Gen.Const("x = '</scr' + 'ipt>';"), Gen.Const("<!-- </body> -->"),
        Gen.Const("<!-- <script> </script> </body> -->"), Gen.Const("<!--<script></body></script>-->"),
        Gen.Const("<!-- <SCRIPT>"), Gen.Const("if (a<b && c>d) {}"), Gen.Const("</scriptx></body>"),
        Gen.Const("<!--"), Gen.Const("--><!--<script>"), Gen.Const("\0"), Gen.Const("<!-- </script"),
        Gen.Const("<!-- <script </body>"), Gen.Const("</script\0>"));

    private static Gen<string> Script { get; } = Gen.Select(
        Attributes, ScriptBody.Array[0, 3].Select(string.Concat), Gen.UInt, Gen.Int[0, 3],
        (attributes, body, caseMask, end) =>
        {
            var name = WithCase("script", caseMask);
            var endTag = end switch
            {
                0 => $"</{name}>",
                1 => $"</{name} >",
                2 => $"</{name}\n/>",
                _ => "</script x=\"</body>\">",
            };
            return $"<{name}{attributes}>{body}{endTag}";
        });

    private static Gen<string> RawText { get; } = Gen.Select(
        Gen.OneOf("style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"),
        Gen.OneOf("</body>", "a</b>c", "</body\0>", "<!-- </body> -->", "x</", "&amp;</body >"),
        Gen.UInt,
        Gen.Bool,
        (name, body, caseMask, spacedEnd) =>
        {
            var cased = WithCase(name, caseMask);
            return $"<{cased}>{body}</{name}x></{cased}{(spacedEnd ? " " : "")}>";
        });

    private static Gen<string> Broken { get; } = Gen.OneOf<string>(
        Gen.Const("<div class=\"x"), Gen.Const("<a href='>"), Gen.Const("</div"), Gen.Const("<"), Gen.Const("<!"),
        Gen.Const("<!-"), Gen.Const("<!--"), Gen.Const("</body"), Gen.Const("<body>"), Gen.Const("</head>"),
        Gen.Const("<head>"), Gen.Const("</html>"), Gen.Const("<html lang=x>"), Gen.Const("<title>"),
        Gen.Const("</p>"), Gen.Const("</template>"), Gen.Const("</svg>"), Gen.Const("</math>"),
        Gen.Const("<table>"), Gen.Const("<form>"), Gen.Const("<di\0v>"), Gen.Const("<a\0 href=x>"),
        Gen.Const("<script>"), Gen.Const("<style>"), Gen.Const("<textarea>"), Gen.Const("<!-- a"));

    private static Gen<Markup> Leaf { get; } = Gen.Frequency(
        (4, Text.Select(Markup.Plain)),
        (2, Comment.Select(Markup.Plain)),
        (2, Script.Select(Markup.Plain)),
        (2, RawText.Select(Markup.Plain)),
        (1, Bogus.Select(Markup.Plain)),
        (1, VoidElement.Select(Markup.Plain)),
        (1, Broken.Select(Markup.Break)),
        (1, Gen.Const(Markup.Plain("<plaintext>x</body>"))));

    private static Gen<Markup> Head { get; } = Gen.Frequency(
        (1, Gen.Const(Markup.Empty)),
        (3, Gen.Select(
            Tag("head", Attributes),
            Gen.OneOf<Markup>(
                // An escaped script in the head may run to the end of the document, and take <body> with it.
                Script.Select(script => new Markup(script, script.Contains("<!--", StringComparison.Ordinal), false)),
                RawText.Select(Markup.Plain),
                Comment.Select(Markup.Plain),
                VoidElement.Select(Markup.Plain),
                Gen.Const(Markup.Plain("<title>T</title>")),
                Gen.Const(Markup.Plain("<noscript><style>a{}</style></noscript>")),
                Gen.Const(Markup.Plain("<template></body></template>")),
                Broken.Select(Markup.Break)).Array[0, 3].Select(Markup.Concat),
            Gen.OneOf("</head>", "</HEAD>", "", "</head >\n"),
            (start, content, end) => new Markup(start + content.Html + end, content.Broken, false))));

    private static Gen<string> BodyEndTag { get; } = Gen.OneOf(
        "</body>", "</BODY>", "</bOdY>", "</body >", "</body\n\t>", "</body/>", "</body class=\"a>b\">",
        "</body x='</body>'>", "", "</body></body>", "</body\f>");

    // NOTE: formatting elements hold only text-level content and always end, because the tokenizer does not model
    // the list of active formatting elements: after a block or table closes an open b, the tree builder opens it
    // again, and a later </b> then closes the SVG or MathML inside the new one.
    private static Gen<Markup> FormattingElement { get; } = Gen.Select(
        Gen.OneOf("a", "b", "i", "font", "em"),
        Attributes,
        Gen.Frequency((4, Text), (2, Comment), (1, Script), (1, VoidElement)).Array[0, 3].Select(string.Concat),
        Gen.UInt,
        (name, attributes, content, caseMask) =>
        {
            var cased = WithCase(name, caseMask);
            return Markup.Plain($"<{cased}{attributes}>{content}</{cased}>");
        });

    // Static initializers run in textual order, so these two come after every generator that they use.
    private static readonly Gen<Markup>[] ContentByDepth = BuildContent();

    /// <summary>Whole documents: an optional doctype, html and head, a body, its end tag and what follows it.</summary>
    public static Gen<GeneratedDocument> Document { get; } = Gen.Select(
        Gen.OneOf<string>(Gen.Const(""), Gen.Const("<!DOCTYPE html>"), Gen.Const("<!doctype HTML>\n")),
        Gen.OneOf<string>(Gen.Const(""), Tag("html", Attributes)),
        Head,
        Gen.Frequency((5, Tag("body", Attributes).Select(t => new Markup(t, false, true))), (1, Gen.Const(Markup.Empty))),
        Content(MaxDepth).Array[0, 5].Select(Markup.Concat),
        BodyEndTag,
        Content(1).Array[0, 2].Select(Markup.Concat),
        Gen.OneOf<string>(Gen.Const(""), Gen.Const("</html>"), Gen.Const("</HTML>\n"), Gen.Const("</body></html>")))
        .Select(parts => ToDocument(parts));

    private static Gen<Markup> Element(Gen<Markup> inner) => Gen.Select(
        // NOTE: no select, because AngleSharp 1.10.4 still drops most tags inside select, as HTML parsers did
        // before the HTML standard relaxed select parsing in 2025. The tokenizer, like the relaxed rules, reads
        // the content of select as it reads the body.
        Gen.OneOf("div", "p", "span", "ul", "li", "custom-element", "pre", "body", "html", "head", "form", "button",
            "h1", "center", "dd"),
        Attributes,
        inner,
        Gen.UInt,
        Gen.Int[0, 5],
        (name, attributes, content, caseMask, end) =>
        {
            var cased = WithCase(name, caseMask);
            var endTag = end == 0 ? "" : $"</{cased}>";
            return new Markup($"<{cased}{attributes}>{content.Html}{endTag}", content.Broken, false);
        });

    private static Gen<Markup> Template(Gen<Markup> inner) => Gen.Select(
        inner, Gen.Bool, Gen.UInt,
        (content, bodyEnd, caseMask) =>
        {
            var name = WithCase("template", caseMask);
            var body = bodyEnd ? "</body>" : "";
            return new Markup($"<{name}>{content.Html}{body}</{name}>", content.Broken, false);
        });

    private static Gen<Markup> Svg(Gen<Markup> inner) => Gen.Select(
        Gen.OneOf<string>(
            Gen.Const("<![CDATA[ </body> ]]>"), Gen.Const("<g><path d=\"M0 0\"/></g>"),
            Gen.Const("<style></body></style>"), Gen.Const("<title></title><desc>a</desc>"),
            Gen.Const("<foreignObject><style></body></style></foreignObject>"),
            Gen.Const("<foreignObject><p>x</p><![CDATA[ </body> ]]></foreignObject>"),
            Gen.Const("<script>\"</body>\"</script>"), Gen.Const("<textarea></body></textarea>"),
            Gen.Const("<p><style></body></style>"), Gen.Const("<font color=red><style></body></style>"),
            Gen.Const("<font><style></body></style></font>"), Gen.Const("<body><style></body></style>"),
            Gen.Const("<svg><![CDATA[a]]></svg>"), Gen.Const("<desc><style></body></style></desc>"),
            Gen.Const("<clipPath><![CDATA[</body>]]></clipPath>"), Gen.Const("<title><![CDATA[</body>]]></title>"))
            .Array[0, 3].Select(string.Concat),
        inner,
        Gen.UInt,
        Gen.Bool,
        (children, content, caseMask, closed) =>
        {
            var name = WithCase("svg", caseMask);
            var end = closed ? $"</{name}>" : "";
            return new Markup($"<{name}>{children}{content.Html}{end}", content.Broken, false);
        });

    private static Gen<Markup> MathMl(Gen<Markup> inner) => Gen.Select(
        Gen.OneOf<string>(
            Gen.Const("<![CDATA[ </body> ]]>"), Gen.Const("<mi>x</mi>"), Gen.Const("<mi><style></body></style></mi>"),
            Gen.Const("<mtext><![CDATA[</body>]]></mtext>"), Gen.Const("<mo><mglyph><style></body></style></mglyph></mo>"),
            Gen.Const("<annotation-xml encoding=\"text/html\"><style></body></style></annotation-xml>"),
            Gen.Const("<annotation-xml><style></body></style></annotation-xml>"), Gen.Const("<mrow><mn>1</mn></mrow>"),
            Gen.Const("<ms><svg><style></body></style></svg></ms>"), Gen.Const("<style></body></style>"))
            .Array[0, 3].Select(string.Concat),
        inner,
        Gen.Bool,
        (children, content, closed) =>
        {
            var end = closed ? "</math>" : "";
            return new Markup($"<math>{children}{content.Html}{end}", content.Broken, false);
        });

    private static Gen<Markup> Table(Gen<Markup> inner) => Gen.Select(
        inner, Gen.Bool,
        (content, closed) => new Markup(
            $"<table><tr><td>{content.Html}</td></tr>{(closed ? "</table>" : "")}", content.Broken, false));

    private static Gen<string> Tag(string name, Gen<string> attributes) => Gen.Select(
        attributes, Gen.UInt, (a, caseMask) => $"<{WithCase(name, caseMask)}{a}>");

    // Lower case most of the time; otherwise the set bits of the mask pick the letters to upper-case.
    private static string WithCase(string name, uint caseMask)
    {
        if (caseMask % 3 != 0)
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if ((caseMask >> (i % 30 + 2) & 1) == 1)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    // An unquoted value ends at whitespace, and a quote at its start would make it a quoted one.
    private static string Unquoted(string value)
    {
        var unquoted = value.Replace(" ", "", StringComparison.Ordinal);
        return unquoted.Length == 0 || unquoted[0] is '"' or '\'' ? "v" + unquoted : unquoted;
    }

    /// <summary>A piece of a document, and whether it contains broken markup or opens the body.</summary>
    private sealed record Markup(string Html, bool Broken, bool OpensBody)
    {
        public static Markup Empty { get; } = new("", false, false);

        public static Markup Plain(string html) => new(html, false, false);

        public static Markup Break(string html) => new(html, true, false);

        public static Markup Concat(Markup[] parts) =>
            new(string.Concat(parts.Select(p => p.Html)), parts.Any(p => p.Broken), false);
    }
}
