using CioAspNet.Rewriting;

namespace CioAspNet.Tests.Rewriting;

public sealed class HtmlCharacterReferencesTests
{
    /// <summary>Attribute values and what the WHATWG tokenizer decodes them to.</summary>
    public static TheoryData<string, string> Decoded => new()
    {
        { "", "" },
        { "no references", "no references" },
        { "https://a.test/?x=1&amp;y=2", "https://a.test/?x=1&y=2" },
        { "&amp", "&" },
        { "&AMP;", "&" },
        { "&amp;amp;", "&amp;" },
        { "&copy", "\u00A9" },
        { "&copy;", "\u00A9" },
        { "&copy;x", "\u00A9x" },
        { "?a=1&copy=2", "?a=1&copy=2" },
        { "&copyx", "&copyx" },
        { "&copy x", "\u00A9 x" },
        { "&notin;", "\u2209" },
        { "&notit;", "&notit;" },
        { "&not;it", "\u00ACit" },
        { "&nGt;", "\u226B\u20D2" },
        { "&Afr;", "\U0001D504" },
        { "&unknown;", "&unknown;" },
        { "&ThisNameIsMuchLongerThanAnyNamedReference;", "&ThisNameIsMuchLongerThanAnyNamedReference;" },
        { "&;", "&;" },
        { "&", "&" },
        { "a&", "a&" },
        { "&&amp;", "&&" },
        { "&#47;", "/" },
        { "&#47", "/" },
        { "&#047;x", "/x" },
        { "&#x2F;", "/" },
        { "&#X2f", "/" },
        { "&#x2Fg", "/g" },
        { "&#", "&#" },
        { "&#;", "&#;" },
        { "&#x", "&#x" },
        { "&#x;", "&#x;" },
        { "&#xg;", "&#xg;" },
        { "&#0;", "\uFFFD" },
        { "&#128;", "\u20AC" },
        { "&#x81;", "\u0081" },
        { "&#x9F;", "\u0178" },
        { "&#xA0;", "\u00A0" },
        { "&#xD800;", "\uFFFD" },
        { "&#xDFFF;", "\uFFFD" },
        { "&#xFFFF;", "\uFFFF" },
        { "&#x1F600;", "\U0001F600" },
        { "&#128512", "\U0001F600" },
        { "&#x10FFFF;", "\U0010FFFF" },
        { "&#x110000;", "\uFFFD" },
        { "&#99999999999999999999;", "\uFFFD" },
        { "&#60;&#62;&#34;&#39;", "<>\"'" },
        { "caf\u00E9&eacute;\U0001F600", "caf\u00E9\u00E9\U0001F600" },
    };

    [Theory]
    [MemberData(nameof(Decoded))]
    public void DecodeAttributeValue_TrickyInput_MatchesTokenizer(string value, string expected)
    {
        Assert.Equal(expected, HtmlCharacterReferences.DecodeAttributeValue(value));
    }

    [Theory]
    [MemberData(nameof(Decoded))]
    public void TryDecodeAttributeValue_DestinationAsLongAsValue_MatchesString(string value, string expected)
    {
        var destination = new char[value.Length];

        var decoded = HtmlCharacterReferences.TryDecodeAttributeValue(value, destination, out var written);

        Assert.True(decoded);
        Assert.Equal(expected, new string(destination, 0, written));
    }

    [Theory]
    [MemberData(nameof(Decoded))]
    public void TryDecodeAttributeValue_ExactFit_Succeeds(string value, string expected)
    {
        var destination = new char[expected.Length];

        var decoded = HtmlCharacterReferences.TryDecodeAttributeValue(value, destination, out var written);

        Assert.True(decoded);
        Assert.Equal(expected, new string(destination, 0, written));
    }

    [Theory]
    [MemberData(nameof(Decoded))]
    public void TryDecodeAttributeValue_OneCharacterShort_ReturnsFalse(string value, string expected)
    {
        if (expected.Length == 0)
        {
            return;
        }

        var destination = new char[expected.Length - 1];

        var decoded = HtmlCharacterReferences.TryDecodeAttributeValue(value, destination, out var written);

        Assert.False(decoded);
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryDecodeAttributeValue_LongValueSmallDestination_ReturnsFalse()
    {
        var value = string.Concat(Enumerable.Repeat("a=1&amp;b=&#47;&copy;", 200));
        var destination = new char[100];

        var decoded = HtmlCharacterReferences.TryDecodeAttributeValue(value, destination, out var written);

        Assert.False(decoded);
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryDecodeAttributeValue_LongValue_MatchesString()
    {
        var value = string.Concat(Enumerable.Repeat("a=1&amp;b=&#47;&copy;&#x1F600;&notit;", 200));
        var destination = new char[value.Length];

        var decoded = HtmlCharacterReferences.TryDecodeAttributeValue(value, destination, out var written);

        Assert.True(decoded);
        Assert.Equal(HtmlCharacterReferences.DecodeAttributeValue(value), new string(destination, 0, written));
    }
}
