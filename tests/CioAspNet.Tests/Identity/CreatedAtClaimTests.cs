namespace CioAspNet.Tests.Identity;

public sealed class CreatedAtClaimTests
{
    [Theory]
    [InlineData("1700000000", 1700000000L)]
    [InlineData(" 1700000000 ", 1700000000L)]
    [InlineData("0", 0L)]
    [InlineData("2023-11-14T22:13:20Z", 1700000000L)]
    [InlineData("2023-11-14T22:13:20.123Z", 1700000000L)]
    [InlineData("2023-11-14T23:13:20+01:00", 1700000000L)]
    [InlineData("2023-11-14T22:13:20", 1700000000L)]
    [InlineData("2023-11-14T22:13Z", 1699999980L)]
    [InlineData("2023-11-14", 1699920000L)]
    public void TryParse_SecondsOrIso8601_ReturnsUnixSeconds(string value, long expected)
    {
        Assert.True(CreatedAtClaim.TryParse(value, out var createdAt));

        Assert.Equal(expected, createdAt.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("11/14/2023")]
    [InlineData("1700000000000")]
    [InlineData("1.5")]
    public void TryParse_OtherText_Fails(string value)
    {
        Assert.False(CreatedAtClaim.TryParse(value, out _));
    }
}
