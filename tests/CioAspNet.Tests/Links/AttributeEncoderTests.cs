using System.Buffers;
using System.Text;
using CioAspNet.Links;

namespace CioAspNet.Tests.Links;

public sealed class AttributeEncoderTests
{
    private const string Specials = "a&b\"c'd<e>f`g h\ti\nj\fk\rl=m";

    /// <summary>A value, the quote around it (0 for none), and the UTF-8 text written for it.</summary>
    public static TheoryData<string, byte, string> Encoded => new()
    {
        { Specials, (byte)'"', "a&amp;b&quot;c'd<e>f`g h\ti\nj\fk\rl=m" },
        { Specials, (byte)'\'', "a&amp;b\"c&#39;d<e>f`g h\ti\nj\fk\rl=m" },
        { Specials, 0, "a&amp;b&quot;c&#39;d&#60;e&#62;f&#96;g&#32;h&#9;i&#10;j&#12;k&#13;l=m" },
        { "", (byte)'"', "" },
        { "", 0, "" },
        { "plain", (byte)'"', "plain" },
        { "plain", (byte)'\'', "plain" },
        { "plain", 0, "plain" },
        { "&&", (byte)'"', "&amp;&amp;" },
        { "\"\"", (byte)'\'', "\"\"" },
        { "''", (byte)'"', "''" },
        { "<>", (byte)'"', "<>" },
        { "&", 0, "&amp;" },
        { " ", 0, "&#32;" },
        { "https://a.test/?x=1&_cio_id=a1#top", (byte)'"', "https://a.test/?x=1&amp;_cio_id=a1#top" },
        { "caf\u00E9 \u20AC\U0001F600", (byte)'"', "caf\u00E9 \u20AC\U0001F600" },
        { "caf\u00E9 \u20AC\U0001F600", 0, "caf\u00E9&#32;\u20AC\U0001F600" },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Write_EachQuoteStyle_WritesReferencesItNeeds(string value, byte quote, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        AttributeEncoder.Write(output, value, quote);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_LoneSurrogate_WritesReplacementCharacter()
    {
        var output = new ArrayBufferWriter<byte>();

        AttributeEncoder.Write(output, "a\uD800b", (byte)'"');

        Assert.Equal("a\uFFFDb"u8.ToArray(), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Write_LongValue_CopiesRunsBetweenReferences()
    {
        var value = string.Concat(Enumerable.Repeat("x=1&y=\"2\" ", 300));
        var output = new ArrayBufferWriter<byte>();

        AttributeEncoder.Write(output, value, 0);

        var expected = string.Concat(Enumerable.Repeat("x=1&amp;y=&quot;2&quot;&#32;", 300));
        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_UnknownQuote_Throws()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentOutOfRangeException>(() => AttributeEncoder.Write(output, "x", (byte)'`'));
    }

    [Fact]
    public void Write_ValueWithReferences_AllocatesNothing()
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        AttributeEncoder.Write(output, Specials, 0);
        output.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            AttributeEncoder.Write(output, Specials, 0);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 100, $"Encoding 100 values allocated {allocated:N0} bytes.");
    }
}
