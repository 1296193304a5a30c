using CioAspNet.Calls;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Net.Http.Headers;

namespace CioAspNet.Tests.Calls;

public sealed class CarryOverCookieTests
{
    private const string Name = ".CioAspNet.Calls";

    private readonly CarryOverCookie _cookie = new(new EphemeralDataProtectionProvider());
    private readonly FakeLogger _logger = new();
    private readonly CioCallFactory _factory;

    public CarryOverCookieTests()
    {
        _factory = new CioCallFactory(_logger, "/test");
    }

    private static string? WrittenValue(HttpContext context)
    {
        var header = context.Response.Headers.SetCookie.ToString();
        return SetCookieHeaderValue.TryParse(header, out var cookie) ? cookie.Value.ToString() : null;
    }

    private static DefaultHttpContext RequestWithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{Name}={value}";
        return context;
    }

    [Fact]
    public void WriteThenRead_Calls_RoundTripInOrder()
    {
        var written = new DefaultHttpContext();
        CioCall[] calls = [_factory.CreateTrack("a", new { n = 1 }, true)!, CioCallFactory.CreateReset(), _factory.CreatePage(null, null)!];

        _cookie.Write(written, Name, calls, _logger);
        var read = _cookie.Read(RequestWithCookie(WrittenValue(written)!), Name, _logger);

        Assert.False(read.Invalid);
        Assert.Equal(calls.Select(c => c.Arguments.ToJsonString()), read.Calls.Select(c => c.Arguments.ToJsonString()));
    }

    [Fact]
    public void Write_Cookie_HttpOnlyLaxShortLived()
    {
        var context = new DefaultHttpContext();

        _cookie.Write(context, Name, [_factory.CreateTrack("a", null, null)!], _logger);

        var header = SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString());
        Assert.True(header.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, header.SameSite);
        Assert.Equal("/", header.Path.ToString());
        Assert.Equal(CarryOverCookie.MaxAge, header.MaxAge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(40)]
    public void Read_TamperedValue_IsInvalid(int position)
    {
        var written = new DefaultHttpContext();
        _cookie.Write(written, Name, [_factory.CreateTrack("a", null, null)!], _logger);
        var value = WrittenValue(written)!.ToCharArray();
        value[position] = value[position] == 'A' ? 'B' : 'A';

        var read = _cookie.Read(RequestWithCookie(new string(value)), Name, _logger);

        Assert.True(read.Invalid);
        Assert.Empty(read.Calls);
        Assert.Equal(LogLevel.Warning, Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 31).Level);
    }

    [Theory]
    [InlineData("not*base64")]
    [InlineData("AAAA")]
    public void Read_ForeignValue_IsInvalid(string value)
    {
        var read = _cookie.Read(RequestWithCookie(value), Name, _logger);

        Assert.True(read.Invalid);
        Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 31);
    }

    [Fact]
    public void Write_TooManyCalls_DropsOldest()
    {
        var calls = Enumerable.Range(0, 40)
            .Select(i => _factory.CreateTrack($"event{i}", new { padding = new string('p', 100) }, null)!)
            .ToList();
        var context = new DefaultHttpContext();

        _cookie.Write(context, Name, calls, _logger);

        var value = WrittenValue(context)!;
        Assert.InRange(value.Length, 1, CarryOverCookie.MaxValueLength);
        var carried = _cookie.Read(RequestWithCookie(value), Name, _logger).Calls;
        var dropped = _logger.Collector.GetSnapshot().Where(r => r.Id.Id == 32).ToList();
        Assert.Equal(40, carried.Count + dropped.Count);
        Assert.Equal("track 'event39'", carried[^1].Describe());
        Assert.Contains("'event0'", dropped[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dropped, record => record.Message.Contains("ppp", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_OneCallTooLarge_DeletesCookie()
    {
        var context = new DefaultHttpContext();

        _cookie.Write(context, Name, [_factory.CreateTrack("huge", new { padding = new string('p', 5000) }, null)!], _logger);

        Assert.Contains("expires=Thu, 01 Jan 1970", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 32);
    }
}
