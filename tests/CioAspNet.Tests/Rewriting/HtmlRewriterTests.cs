using System.Text;
using CioAspNet.Tests.Support;

namespace CioAspNet.Tests.Rewriting;

public sealed class HtmlRewriterTests
{
    private const string I = RewriterHarness.Insert;

    /// <summary>Input, and the expected output; every case is also run split at every offset and byte by byte.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        // The end tag, in every spelling the tokenizer accepts.
        { "<body>x</body>", $"<body>x{I}</body>" },
        { "<body>x</BODY>", $"<body>x{I}</BODY>" },
        { "<body>x</bOdY>", $"<body>x{I}</bOdY>" },
        { "<body>x</body >", $"<body>x{I}</body >" },
        { "<body>x</body\n\t>", $"<body>x{I}</body\n\t>" },
        { "<body>x</body class=\"a>b\">", $"<body>x{I}</body class=\"a>b\">" },
        { "<body>x</body/>", $"<body>x{I}</body/>" },
        { "<html><body>x</body></html>\n", $"<html><body>x{I}</body></html>\n" },

        // Look-alikes that are not the end tag.
        { "<body></bodyx></body>", $"<body></bodyx>{I}</body>" },
        { "<body></ body></body>", $"<body></ body>{I}</body>" },
        { "<body>a < /body></body>", $"<body>a < /body>{I}</body>" },

        // Places where "</body>" is not a tag.
        { "<body><!-- </body> --></body>", $"<body><!-- </body> -->{I}</body>" },
        { "<body><!-- -- > </body> --></body>", $"<body><!-- -- > </body> -->{I}</body>" },
        { "<body><!--> </body>", $"<body><!--> {I}</body>" },
        { "<body><!---> </body>", $"<body><!---> {I}</body>" },
        { "<body><!-- a --!> </body>", $"<body><!-- a --!> {I}</body>" },
        { "<body><script>var s = \"</body>\";</script></body>", $"<body><script>var s = \"</body>\";</script>{I}</body>" },
        { "<body><SCRIPT>\"</body>\"</SCRIPT ></body>", $"<body><SCRIPT>\"</body>\"</SCRIPT >{I}</body>" },
        { "<body><script>\"</scriptx></body>\"</script></body>", $"<body><script>\"</scriptx></body>\"</script>{I}</body>" },
        { "<body><script><!--<script></body></script>--></script></body>",
            $"<body><script><!--<script></body></script>--></script>{I}</body>" },
        { "<body><script><!--</script></body>", $"<body><script><!--</script>{I}</body>" },
        { "<body><style>a::after{content:\"</body>\"}</style></body>",
            $"<body><style>a::after{{content:\"</body>\"}}</style>{I}</body>" },
        { "<body><textarea></body></textarea></body>", $"<body><textarea></body></textarea>{I}</body>" },
        { "<title></body></title><body></body>", $"<title></body></title><body>{I}</body>" },
        { "<body><xmp></body></xmp></body>", $"<body><xmp></body></xmp>{I}</body>" },
        { "<body><iframe></body></iframe></body>", $"<body><iframe></body></iframe>{I}</body>" },
        { "<body><noscript></body></noscript></body>", $"<body><noscript></body></noscript>{I}</body>" },
        { "<body><div title=\"</body>\"></div></body>", $"<body><div title=\"</body>\"></div>{I}</body>" },
        { "<body><div title='</body>'></div></body>", $"<body><div title='</body>'></div>{I}</body>" },
        { "<body><a href=x></body>", $"<body><a href=x>{I}</body>" },
        { "<body><template></body></template></body>", $"<body><template></body></template>{I}</body>" },
        { "<body><template><template></template></body></template></body>",
            $"<body><template><template></template></body></template>{I}</body>" },
        { "<body><svg><![CDATA[</body>]]></svg></body>", $"<body><svg><![CDATA[</body>]]></svg>{I}</body>" },
        { "<body><svg><style></style></svg></body>", $"<body><svg><style></style></svg>{I}</body>" },
        { "<body><!x </body> y></body>", $"<body><!x </body> y>{I}</body>" },
        { "<body><? </body> ?></body>", $"<body><? </body> ?>{I}</body>" },
        { "<!DOCTYPE html><body></body>", $"<!DOCTYPE html><body>{I}</body>" },
        { "<!doctype html SYSTEM \"a\"><body></body>", $"<!doctype html SYSTEM \"a\"><body>{I}</body>" },

        // Once per response, and never after plaintext.
        { "<body></body></body>", $"<body>{I}</body></body>" },
        { "<body><plaintext></body>", "<body><plaintext></body>" },

        // Pages that already carry a loader.
        { "<body><script data-cio-loader>x</script></body>", "<body><script data-cio-loader>x</script></body>" },
        { "<body><script id=\"cio-tracker\" src=\"t.js\"></script></body>",
            "<body><script id=\"cio-tracker\" src=\"t.js\"></script></body>" },
        { "<body><script id=\"other\"></script></body>", $"<body><script id=\"other\"></script>{I}</body>" },

        // Fragments and cut-off documents pass through byte for byte.
        { "", "" },
        { "<p>fragment</p>", "<p>fragment</p>" },
        { "<body>x</body", "<body>x</body" },
        { "<body>x</bo", "<body>x</bo" },
        { "<body><!-- </body>", "<body><!-- </body>" },
        { "<body><script></body>", "<body><script></body>" },
        { "<body>\0</body>", $"<body>\0{I}</body>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rewriter_Document_InsertsBeforeRealBodyEndTag(string input, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        foreach (var (name, sizes) in RewriterHarness.Chunkings(bytes.Length))
        {
            var output = RewriterHarness.Rewrite(bytes, sizes);
            Assert.True(expected == output, $"Chunking '{name}' gave:\n{output}\nexpected:\n{expected}");
        }

        if (expected.Contains(I, StringComparison.Ordinal))
        {
            DomAssert.InsertedInsideBody(input, RewriterHarness.Rewrite(input));
        }
    }

    [Fact]
    public void Rewriter_EndTagSplitAcrossWrites_InjectsOnce()
    {
        var bytes = Encoding.UTF8.GetBytes("<body>x</bo" + "dy></body>");

        var output = RewriterHarness.Rewrite(bytes, [9, 1, 1, int.MaxValue]);

        Assert.Equal($"<body>x{I}</body></body>", output);
    }

    [Fact]
    public void Rewriter_InvalidUtf8_PassesBytesThrough()
    {
        byte[] bytes = [.. "<body>"u8, 0xFF, 0xC3, 0x28, 0x80, .. "</body>"u8];

        var (output, rewriter) = RewriterHarness.RewriteBytes(bytes, [1]);

        byte[] expected = [.. "<body>"u8, 0xFF, 0xC3, 0x28, 0x80, .. Encoding.UTF8.GetBytes(I), .. "</body>"u8];
        Assert.Equal(expected, output);
        Assert.True(rewriter.Inserted);
    }

    [Fact]
    public void Rewriter_TagLongerThanCarryLimit_PassesThroughUnchanged()
    {
        var longAttribute = new string('x', 20_000);
        var input = $"<body></body class=\"{longAttribute}\">";
        var bytes = Encoding.UTF8.GetBytes(input);

        var whole = RewriterHarness.RewriteBytes(bytes, [int.MaxValue]);
        var chunked = RewriterHarness.RewriteBytes(bytes, [4096]);

        Assert.Equal(bytes, whole.Output);
        Assert.Equal(bytes, chunked.Output);
        Assert.False(chunked.Rewriter.Inserted);
        Assert.Equal(1, chunked.Rewriter.AbandonedTags);
    }

    [Fact]
    public void Rewriter_MegabyteAttributeOnOtherTag_StillFindsEndTag()
    {
        var input = $"<body><div data-x=\"{new string('>', 1 << 20)}\"></div></body>";
        var bytes = Encoding.UTF8.GetBytes(input);

        var output = RewriterHarness.Rewrite(bytes, [4096]);

        Assert.Equal(input.Replace("</body>", I + "</body>", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Rewriter_HundredThousandNestedTags_Inserts()
    {
        var input = "<body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "</body>";
        var bytes = Encoding.UTF8.GetBytes(input);

        var output = RewriterHarness.Rewrite(bytes, [16 * 1024]);

        Assert.EndsWith(I + "</body>", output, StringComparison.Ordinal);
        Assert.Equal(bytes.Length + I.Length, Encoding.UTF8.GetByteCount(output));
    }
}
