using CioAspNet.Calls;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace CioAspNet.Tests.Calls;

public sealed class PrivateResponseTests
{
    [Theory]
    [InlineData("", "private")]
    [InlineData("public", "private")]
    [InlineData("public, max-age=60", "max-age=60, private")]
    [InlineData("public, s-maxage=30, max-age=10", "max-age=10, private")]
    [InlineData("no-cache", "no-cache, private")]
    [InlineData("private", "private")]
    [InlineData("private=\"Set-Cookie\"", "private")]
    [InlineData("no-store", "no-store")]
    [InlineData("no-cache, no-store", "no-cache, no-store")]
    [InlineData("public, no-store", "public, no-store")]
    public void MakePrivate_CacheControl_BecomesPrivateUnlessNoStore(string input, string expected)
    {
        Assert.Equal(expected, PrivateResponse.MakePrivate(input));
    }

    [Fact]
    public void TryMark_OutputCacheFeature_DisallowsStorage()
    {
        var context = new DefaultHttpContext();
        var cache = new OutputCacheFeature(context);
        context.Features.Set<IOutputCacheFeature>(cache);

        Assert.True(PrivateResponse.TryMark(context));

        Assert.False(cache.Context.AllowCacheStorage);
        Assert.Equal("private", context.Response.Headers.CacheControl.ToString());
    }

    private sealed class OutputCacheFeature(HttpContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = context, AllowCacheStorage = true };
    }
}
