using System.Security.Claims;
using System.Text.Json;
using CioAspNet.Calls;
using CioAspNet.TagHelpers;
using CioAspNet.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.TagHelpers;

public sealed class CioIdentifyTagHelperTests
{
    private static async Task<string> RenderAsync(TagHelperHarness harness, Action<CioIdentifyTagHelper>? set = null)
    {
        var helper = harness.Create<CioIdentifyTagHelper>();
        set?.Invoke(helper);
        return await TagHelperHarness.RenderAsync(helper, "cio-identify");
    }

    private static JsonElement SinglePayload(string html)
    {
        var call = Assert.Single(CioScripts.Calls("<body>" + html + "</body>"));
        Assert.Equal("identify", call[0].GetString());
        return call[1];
    }

    [Fact]
    public async Task IdentifyTagHelper_Anonymous_RendersNothing()
    {
        using var harness = new TagHelperHarness();
        harness.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "1")]));

        Assert.Equal("", await RenderAsync(harness));
    }

    [Fact]
    public async Task IdentifyTagHelper_SignedIn_EmitsStandardAttributes()
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim(ClaimTypes.NameIdentifier, "42"), new(ClaimTypes.Email, "ada@example.com"),
            new(ClaimTypes.GivenName, "Ada"), new(ClaimTypes.Surname, "Lovelace"), new("created_at", "2023-11-14T22:13:20Z"));

        var payload = SinglePayload(await RenderAsync(harness));

        Assert.Equal("""{"id":"42","email":"ada@example.com","created_at":1700000000,"first_name":"Ada","last_name":"Lovelace"}""",
            payload.GetRawText());
    }

    [Fact]
    public async Task IdentifyTagHelper_EmailMode_UsesEmailAsId()
    {
        using var harness = new TagHelperHarness(new Dictionary<string, string?> { ["Cio:Identify:Identifier"] = "Email" });
        harness.SignIn(new Claim("sub", "42"), new("email", "grace@example.com"));

        var payload = SinglePayload(await RenderAsync(harness));

        Assert.Equal("grace@example.com", payload.GetProperty("id").GetString());
        Assert.Equal("grace@example.com", payload.GetProperty("email").GetString());
    }

    [Fact]
    public async Task IdentifyTagHelper_MissingClaims_RendersNothing()
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim(ClaimTypes.Name, "Ada"));

        Assert.Equal("", await RenderAsync(harness));

        Assert.Equal(LogLevel.Debug, Assert.Single(harness.LogsWithId(20)).Level);
    }

    [Fact]
    public async Task IdentifyTagHelper_Resolver_ReplacesClaimMapping()
    {
        using var harness = new TagHelperHarness(configure: services =>
            services.AddScoped<ICioIdentityResolver, DatabaseResolver>());
        harness.SignIn(new Claim("sub", "7"));

        var payload = SinglePayload(await RenderAsync(harness));

        Assert.Equal("""{"id":"db-7","created_at":1600000000,"tier":"gold"}""", payload.GetRawText());
    }

    [Fact]
    public async Task IdentifyTagHelper_ResolverThrows_LogsError()
    {
        using var harness = new TagHelperHarness(configure: services =>
            services.AddSingleton<ICioIdentityResolver, FailingResolver>());
        harness.SignIn(new Claim("sub", "7"));

        Assert.Equal("", await RenderAsync(harness));

        var record = Assert.Single(harness.LogsWithId(39));
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.IsType<TimeoutException>(record.Exception);
    }

    [Fact]
    public async Task IdentifyTagHelper_TagAttributes_OverrideMapped()
    {
        using var harness = new TagHelperHarness(new Dictionary<string, string?> { ["Cio:Identify:AttributeClaims:plan"] = "plan" });
        harness.SignIn(new Claim("sub", "1"), new("plan", "free"));

        var payload = SinglePayload(await RenderAsync(harness, helper =>
        {
            helper.Attributes = new Dictionary<string, object?> { ["plan"] = "team", ["seats"] = 5, ["tags"] = new[] { "a", "b" } };
            helper.AttributeValues["plan"] = "pro";
            helper.AttributeValues["id"] = "someone-else";
        }));

        Assert.Equal("""{"id":"1","plan":"pro","seats":5,"tags":["a","b"]}""", payload.GetRawText());
    }

    [Theory]
    [MemberData(nameof(CioAspNet.Tests.Calls.CioCallScriptTests.HostileValues), MemberType = typeof(CioAspNet.Tests.Calls.CioCallScriptTests))]
    public async Task IdentifyTagHelper_HostileClaims_DecodeToOriginal(string hostile)
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim("sub", hostile), new("email", hostile), new("given_name", hostile));

        var html = await RenderAsync(harness, helper => helper.AttributeValues["note"] = hostile);

        Assert.Single(CioScripts.Scripts("<body>" + html + "</body>"));
        var payload = SinglePayload(html);
        Assert.Equal(hostile, payload.GetProperty("id").GetString());
        Assert.Equal(hostile, payload.GetProperty("email").GetString());
        Assert.Equal(hostile, payload.GetProperty("first_name").GetString());
        Assert.Equal(hostile, payload.GetProperty("note").GetString());
    }

    [Fact]
    public async Task IdentifyTagHelper_Emitted_DisablesCaching()
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim("sub", "1"));
        harness.HttpContext.Response.Headers.CacheControl = "public, max-age=600";
        var cache = new OutputCacheFeature(harness.HttpContext);
        harness.HttpContext.Features.Set<IOutputCacheFeature>(cache);

        await RenderAsync(harness);

        Assert.Equal("max-age=600, private", harness.HttpContext.Response.Headers.CacheControl.ToString());
        Assert.False(cache.Context.AllowCacheStorage);
    }

    [Fact]
    public async Task IdentifyTagHelper_NoStore_StaysNoStore()
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim("sub", "1"));
        harness.HttpContext.Response.Headers.CacheControl = "no-store";

        await RenderAsync(harness);

        Assert.Equal("no-store", harness.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task IdentifyTagHelper_SigningOut_RendersNothing()
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim("sub", "1"));
        harness.HttpContext.GetCioCalls().Reset();

        Assert.Equal("", await RenderAsync(harness));

        Assert.Single(harness.LogsWithId(38));
    }

    [Fact]
    public async Task IdentifyTagHelper_Nonce_IsOnScript()
    {
        using var harness = new TagHelperHarness();
        harness.SignIn(new Claim("sub", "1"));
        harness.HttpContext.Items["csp-nonce"] = "abc123";

        var html = await RenderAsync(harness);

        Assert.Equal("abc123", Assert.Single(CioScripts.Scripts("<body>" + html + "</body>")).GetAttribute("nonce"));
    }

    [Fact]
    public async Task IdentifyTagHelper_Disabled_RendersNothing()
    {
        using var harness = new TagHelperHarness(new Dictionary<string, string?> { ["Cio:Enabled"] = "false" });
        harness.SignIn(new Claim("sub", "1"));

        Assert.Equal("", await RenderAsync(harness));
    }

    private sealed class DatabaseResolver : ICioIdentityResolver
    {
        public async ValueTask<CioIdentity?> ResolveAsync(ClaimsPrincipal principal, HttpContext context)
        {
            await Task.Yield();
            var identity = new CioIdentity
            {
                Id = "db-" + principal.FindFirst("sub")!.Value,
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1600000000),
            };
            identity.Attributes["tier"] = "gold";
            return identity;
        }
    }

    private sealed class FailingResolver : ICioIdentityResolver
    {
        public ValueTask<CioIdentity?> ResolveAsync(ClaimsPrincipal principal, HttpContext context) =>
            throw new TimeoutException("The database timed out.");
    }

    private sealed class OutputCacheFeature(HttpContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = context, AllowCacheStorage = true };
    }
}
