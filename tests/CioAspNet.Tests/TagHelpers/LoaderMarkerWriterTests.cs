using CioAspNet.TagHelpers;

namespace CioAspNet.Tests.TagHelpers;

public sealed class LoaderMarkerWriterTests
{
    public static TheoryData<string, bool> Texts => new()
    {
        { "<script id=\"cio-tracker\" async src=\"/track.js\"></script>", true },
        { "<script data-cio-loader>var _cio = [];</script>", true },
        { "<p>cio-tracker</p>", true },

        // A text no longer than the tail kept between buffers must still be searched.
        { "cio-tracker", true },
        { " cio-tracker", true },
        { "<p>cio-track</p><p>er</p>", false },
        { "<script data-cio-load></script>", false },
        { "<main><h1>Catalogue</h1><p>No loader in this body.</p></main>", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Write_WholeText_FindsMark(string text, bool expected)
    {
        using var writer = new LoaderMarkerWriter();

        writer.Write(text);

        Assert.Equal(expected, writer.Found);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Write_SplitAtEveryOffset_SameResult(string text, bool expected)
    {
        for (var split = 0; split <= text.Length; split++)
        {
            using var writer = new LoaderMarkerWriter();

            writer.Write(text[..split]);
            writer.Write(text.AsSpan(split).ToArray(), 0, text.Length - split);

            Assert.True(expected == writer.Found, $"split at {split}");
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Write_OneCharacterAtATime_SameResult(string text, bool expected)
    {
        using var writer = new LoaderMarkerWriter();

        foreach (var c in text)
        {
            writer.Write(c);
        }

        Assert.Equal(expected, writer.Found);
    }

    [Fact]
    public void Write_MarkAcrossThreeWrites_Found()
    {
        using var writer = new LoaderMarkerWriter();

        writer.Write("<script id=\"cio-");
        writer.Write("tra");
        writer.Write("cker\"></script>");

        Assert.True(writer.Found);
    }

    [Fact]
    public void Write_ShortWritesAfterLongOne_KeepsLatestTail()
    {
        using var writer = new LoaderMarkerWriter();

        writer.Write(new string('x', 100) + "data-cio");
        writer.Write("-lo");
        writer.Write("ader");

        Assert.True(writer.Found);
    }

    [Fact]
    public void Write_MarkAcrossFullBuffer_FoundAtEveryOffset()
    {
        // The writer searches every 4,096 characters, so these marks straddle that point.
        for (var start = 4_070; start <= 4_100; start++)
        {
            using var writer = new LoaderMarkerWriter();

            writer.Write(new string('x', start));
            writer.Write("cio-tracker");
            writer.Write(new string('y', 5_000));

            Assert.True(writer.Found, $"mark at {start}");
        }
    }

    [Fact]
    public void Write_LongTextWithoutMark_NotFound()
    {
        using var writer = new LoaderMarkerWriter();

        for (var i = 0; i < 10_000; i++)
        {
            writer.Write("<li><a href=\"/cio/track\">cio-track er</a></li>");
        }

        Assert.False(writer.Found);
    }
}
