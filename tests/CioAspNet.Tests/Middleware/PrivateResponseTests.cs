using CioAspNet.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace CioAspNet.Tests.Middleware;

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
    public void Mark_CacheControl_BecomesPrivateUnlessNoStore(string input, string expected)
    {
        var context = new DefaultHttpContext();
        context.Response.Headers.CacheControl = input;

        PrivateResponse.Mark(context);

        Assert.Equal(expected, context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void Mark_OutputCacheFeature_DisallowsStorage()
    {
        var context = new DefaultHttpContext();
        var cache = new OutputCacheFeature(context);
        context.Features.Set<IOutputCacheFeature>(cache);

        PrivateResponse.Mark(context);

        Assert.False(cache.Context.AllowCacheStorage);
        Assert.Equal("private", context.Response.Headers.CacheControl.ToString());
    }

    private sealed class OutputCacheFeature(HttpContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = context, AllowCacheStorage = true };
    }
}
