using CioAspNet.Links;

namespace CioAspNet.Tests.Links;

public sealed class DomainAllowListTests
{
    // 63 + 1 + 63 + 1 + 7 = 135 characters, so the length check goes past its first 64-bit word.
    private static readonly string LongHost = new string('a', 63) + "." + new string('b', 63) + ".example";

    [Theory]
    [InlineData("docs.example.com", true)]
    [InlineData("DOCS.Example.COM", true)]
    [InlineData("docs.example.com.", true)]
    [InlineData("docs.example.co", false)]
    [InlineData("xdocs.example.com", false)]
    [InlineData("shop.example.org", true)]
    [InlineData("A.B.EXAMPLE.ORG", true)]
    [InlineData("example.org", false)]
    [InlineData(".example.org", false)]
    [InlineData("", false)]
    [InlineData(".", false)]
    public void Contains_Host_MatchesEntries(string host, bool expected)
    {
        var allowList = new DomainAllowList(["docs.example.com", "*.example.org", LongHost]);

        Assert.Equal(expected, allowList.Contains(host));
    }

    [Fact]
    public void Contains_HostLongerThan64_MatchesExactEntry()
    {
        var allowList = new DomainAllowList(["docs.example.com", LongHost]);

        Assert.True(allowList.Contains(LongHost.ToUpperInvariant()));
        Assert.False(allowList.Contains(LongHost.AsSpan(1)));
        Assert.False(allowList.Contains("c" + LongHost));
    }

    [Fact]
    public void Contains_OnlyWildcards_MatchesSubdomains()
    {
        var allowList = new DomainAllowList(["*.example.org"]);

        Assert.True(allowList.Contains("shop.example.org"));
        Assert.False(allowList.Contains("example.org"));
    }

    // The allow-list and the scheme check compare ASCII text with Ascii.EqualsIgnoreCase, which is only the
    // same as OrdinalIgnoreCase if no other character is equal to an ASCII one under OrdinalIgnoreCase.
    [Fact]
    public void OrdinalIgnoreCase_NonAsciiCharacter_NeverEqualsAscii()
    {
        var asciiCharacters = Enumerable.Range(0, 0x80).Select(ascii => ((char)ascii).ToString()).ToArray();
        var matches = new List<string>();
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            var character = ((char)c).ToString();
            for (var ascii = 0; ascii < 0x80; ascii++)
            {
                if (string.Equals(character, asciiCharacters[ascii], StringComparison.OrdinalIgnoreCase))
                {
                    matches.Add($"U+{c:X4} = U+{ascii:X4}");
                }
            }
        }

        Assert.Empty(matches);
    }
}
