using System.Text;
using CioAspNet.Tests.Support;

namespace CioAspNet.Tests.Conformance;

/// <summary>Inputs on which the conformance suites found the tokenizer wrong, kept with the output they must give.</summary>
public sealed class TokenizerRegressionTests
{
    private const string I = RewriterHarness.Insert;

    /// <summary>Input, and the expected output; every case is also run split at every offset and byte by byte.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        // A <body> start tag leaves SVG, like <div>, so the style after it is raw text.
        { "<body><svg><body><style></body></style></body>", $"<body><svg><body><style></body></style>{I}</body>" },

        // A font start tag leaves SVG only with a color, face or size attribute.
        { "<body><svg><font color=red><style></body></style></body>",
            $"<body><svg><font color=red><style></body></style>{I}</body>" },
        { "<body><svg><FONT\nSize='2'><style></body></style></body>",
            $"<body><svg><FONT\nSize='2'><style></body></style>{I}</body>" },
        { "<body><svg><font class=x><style></body></style></svg></body>",
            $"<body><svg><font class=x><style>{I}</body></style></svg></body>" },

        // A MathML annotation-xml element is an HTML integration point only with an HTML encoding.
        { "<body><math><annotation-xml encoding=\"text/html\"><style></body></style></annotation-xml></math></body>",
            $"<body><math><annotation-xml encoding=\"text/html\"><style></body></style></annotation-xml></math>{I}</body>" },
        { "<body><math><annotation-xml Encoding='Application/XHTML+XML'><style></body></style></math></body>",
            $"<body><math><annotation-xml Encoding='Application/XHTML+XML'><style></body></style></math>{I}</body>" },
        { "<body><math><annotation-xml encoding=\"x\" encoding=\"text/html\"><style></body></style></math></body>",
            $"<body><math><annotation-xml encoding=\"x\" encoding=\"text/html\"><style>{I}</body></style></math></body>" },
        { "<body><math><annotation-xml><style></body></style></annotation-xml></math></body>",
            $"<body><math><annotation-xml><style>{I}</body></style></annotation-xml></math></body>" },

        // Right inside mi, mo, mn, ms or mtext, mglyph and malignmark are MathML elements.
        { "<body><math><mi><mglyph><style></body></style></mglyph></mi></math></body>",
            $"<body><math><mi><mglyph><style>{I}</body></style></mglyph></mi></math></body>" },
        { "<body><math><mo><malignmark></mo><style></body></style></math></body>",
            $"<body><math><mo><malignmark></mo><style>{I}</body></style></math></body>" },
        { "<body><math><mi><mglyph/><style></body></style></mi></math></body>",
            $"<body><math><mi><mglyph/><style></body></style></mi></math>{I}</body>" },

        // </template> also closes the SVG or MathML left open inside the template.
        { "<body><template><svg></template></body>", $"<body><template><svg></template>{I}</body>" },
        { "<body><template><math><mi><svg></template></body>", $"<body><template><math><mi><svg></template>{I}</body>" },

        // Inside SVG, math makes an SVG element, and inside MathML, svg makes a MathML element, so neither opens a
        // new subtree, except svg right inside a MathML annotation-xml.
        { "<body><math><svg><desc><style></body></style></desc></svg></math></body>",
            $"<body><math><svg><desc><style>{I}</body></style></desc></svg></math></body>" },
        { "<body><svg><math><mi><style></body></style></mi></math></svg></body>",
            $"<body><svg><math><mi><style>{I}</body></style></mi></math></svg></body>" },
        { "<body><math><annotation-xml><svg><desc><style></body></style></desc></svg></annotation-xml></math></body>",
            $"<body><math><annotation-xml><svg><desc><style></body></style></desc></svg></annotation-xml></math>{I}</body>" },
        { "<body><svg><svg></svg><style></body></style></svg></body>",
            $"<body><svg><svg></svg><style>{I}</body></style></svg></body>" },

        // Of the end tags, only </p> and </br> leave SVG and MathML.
        { "<body><svg></li><style></body></style></body>", $"<body><svg></li><style>{I}</body></style></body>" },
        { "<body><svg></b><style></body></style></body>", $"<body><svg></b><style>{I}</body></style></body>" },
        { "<body><svg></br><style></body></style></body>", $"<body><svg></br><style></body></style>{I}</body>" },
        { "<body><svg></P><style></body></style></body>", $"<body><svg></P><style></body></style>{I}</body>" },

        // An end tag of an HTML element around unclosed SVG or MathML closes both, as the tree builder's stack of
        // open elements has it; </body>, </head> and </form> do not, and any other end tag stops at a special
        // element such as div.
        { "<body><div><svg></div><style></body></style></body>", $"<body><div><svg></div><style></body></style>{I}</body>" },
        { "<body><b><svg></b><style></body></style></body>", $"<body><b><svg></b><style></body></style>{I}</body>" },
        { "<body><span><svg></span><style></body></style></body>",
            $"<body><span><svg></span><style></body></style>{I}</body>" },
        { "<body><table><tr><td><svg></td></tr></table><style></body></style></body>",
            $"<body><table><tr><td><svg></td></tr></table><style></body></style>{I}</body>" },
        { "<body><table><tr><td><table></table><svg></td></tr></table><style></body></style></body>",
            $"<body><table><tr><td><table></table><svg></td></tr></table><style></body></style>{I}</body>" },
        { "<body><table><tr><td><math><!</td></tr></table><style></body></style></body>",
            $"<body><table><tr><td><math><!</td></tr></table><style></body></style>{I}</body>" },
        { "<body><table><tr><td></td></tr><pre><table></table><math></pre><style></body></style></body>",
            $"<body><table><tr><td></td></tr><pre><table></table><math></pre><style>{I}</body></style></body>" },
        { "<body><ul><li>a<li><svg></li><style></body></style></ul></body>",
            $"<body><ul><li>a<li><svg></li><style></body></style></ul>{I}</body>" },
        { "<body><span><div><svg></span><style></body></style></body>",
            $"<body><span><div><svg></span><style>{I}</body></style></body>" },
        { "<body><custom-element><i><form></i><svg></custom-element><style></body></style></body>",
            $"<body><custom-element><i><form></i><svg></custom-element><style>{I}</body></style></body>" },
        { "<body><button><button></button><math></button><noembed></body></noembed></body>",
            $"<body><button><button></button><math></button><noembed>{I}</body></noembed></body>" },
        { "<body><a><a></a><svg></a><style></body></style></body>", $"<body><a><a></a><svg></a><style>{I}</body></style></body>" },
        { "<body><li><ul><svg></li><style></body></style></ul></body>",
            $"<body><li><ul><svg></li><style>{I}</body></style></ul></body>" },
        { "<body><!<table><tr><td><svg></td><style></body></style></body>",
            $"<body><!<table><tr><td><svg></td><style>{I}</body></style></body>" },
        { "<body><form><svg></form><style></body></style></body>", $"<body><form><svg></form><style>{I}</body></style></body>" },
        { "<body><head><svg></head><style></body></style></body>", $"<body><head><svg></head><style>{I}</body></style></body>" },

        // A template inside SVG is an SVG element, which the first </template> closes.
        { "<body><template><svg><template></template></template><style></body></style></body>",
            $"<body><template><svg><template></template></template><style></body></style>{I}</body>" },

        // Right inside an integration point, the current node is SVG, so <![CDATA[ starts a CDATA section; after
        // an HTML element opens inside it, <![CDATA[ is a bogus comment that ends at the first '>'.
        { "<body><svg><foreignObject><![CDATA[ a>b </body> ]]></foreignObject></svg></body>",
            $"<body><svg><foreignObject><![CDATA[ a>b </body> ]]></foreignObject></svg>{I}</body>" },
        { "<body><svg><foreignObject><p><![CDATA[ a>b </body> ]]></p></foreignObject></svg></body>",
            $"<body><svg><foreignObject><p><![CDATA[ a>b {I}</body> ]]></p></foreignObject></svg></body>" },
        { "<body><svg><foreignObject><p>a<div>b</div></foreignObject><style></body></style></svg></body>",
            $"<body><svg><foreignObject><p>a<div>b</div></foreignObject><style>{I}</body></style></svg></body>" },
        { "<body><math><mi><b><mglyph><style></body></style></mglyph></b></mi></math></body>",
            $"<body><math><mi><b><mglyph><style></body></style></mglyph></b></mi></math>{I}</body>" },

        // An end tag name longer than the name buffer.
        { "<body><div></a-custom-element-name-longer-than-the-buffer></div></body>",
            $"<body><div></a-custom-element-name-longer-than-the-buffer></div>{I}</body>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenizer_FoundInput_InsertsBeforeRealBodyEndTag(string input, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        foreach (var (name, sizes) in RewriterHarness.Chunkings(bytes.Length))
        {
            var output = RewriterHarness.Rewrite(bytes, sizes);
            Assert.True(expected == output, $"Chunking '{name}' gave:\n{output}\nexpected:\n{expected}");
        }

        var problem = new InjectionOracle(bytes).Check(ConformanceRewriter.Rewrite(bytes, []), requireBody: true);
        Assert.True(problem is null, $"AngleSharp disagrees: {problem}");
    }
}
