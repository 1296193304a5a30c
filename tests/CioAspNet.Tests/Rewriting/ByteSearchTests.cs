using System.Text;
using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Rewriting;

public sealed class ByteSearchTests
{
    [Theory]
    [InlineData("a>", "a")]
    [InlineData("DIV class=x>", "div")]
    [InlineData("Li/>", "li")]
    [InlineData("blockquote\t>", "blockquote")]
    [InlineData("annotation-XML\n>", "annotation-xml")]
    [InlineData("my-element-name\f>", "my-element-name")]
    [InlineData("x\u00e9y\r>", "x\u00e9y")]
    [InlineData("a\u0000b >", "a\u0000b")]
    [InlineData("a\u000bb >", "a\u000bb")]
    public void TryReadTagName_ShortName_PacksLowerCaseBytes(string tag, string name)
    {
        var input = Encoding.UTF8.GetBytes(tag + new string('.', 16));
        var expected = Encoding.UTF8.GetBytes(name);

        var read = ByteSearch.TryReadTagName(input, 0, out var length, out var low, out var high);

        var buffer = new byte[HtmlTagNames.MaxLength];
        expected.CopyTo(buffer, 0);
        HtmlTagNames.Pack(buffer, expected.Length, out var expectedLow, out var expectedHigh);
        Assert.True(read);
        Assert.Equal(expected.Length, length);
        Assert.Equal(expectedLow, low);
        Assert.Equal(expectedHigh, high);
    }

    [Theory]
    [InlineData("sixteen-letters!>")]
    [InlineData("a-name-longer-than-the-vector>")]
    public void TryReadTagName_SixteenBytesOrMore_LeavesNameToLoop(string tag)
    {
        var input = Encoding.UTF8.GetBytes(tag);

        Assert.False(ByteSearch.TryReadTagName(input, 0, out _, out _, out _));
    }

    [Fact]
    public void TryReadTagName_FewerThanSixteenBytesLeft_LeavesNameToLoop()
    {
        var input = "<p>text</b>"u8.ToArray();

        Assert.False(ByteSearch.TryReadTagName(input, 9, out _, out _, out _));
    }

    [Theory]
    [InlineData("short<", 0, 5)]
    [InlineData("a run of text longer than one vector, then <", 0, 43)]
    [InlineData("no bracket at all", 0, -1)]
    [InlineData("<<<", 1, 1)]
    public void IndexOf_FromStart_FindsFirstAtOrAfter(string text, int start, int expected)
    {
        Assert.Equal(expected, ByteSearch.IndexOf(Encoding.UTF8.GetBytes(text), start, (byte)'<'));
    }

    [Theory]
    [InlineData("class=\"x\"", 0, 5)]
    [InlineData("href >", 0, 4)]
    [InlineData("data-an-attribute-name-longer-than-32-bytes/>", 0, 43)]
    [InlineData("checked", 0, -1)]
    [InlineData("a\u000bb c", 0, 3)]
    public void IndexOfAttributeNameEnd_FromStart_StopsAtSpaceSlashGreaterOrEquals(string text, int start, int expected)
    {
        Assert.Equal(expected, ByteSearch.IndexOfAttributeNameEnd(Encoding.UTF8.GetBytes(text), start));
    }
}
