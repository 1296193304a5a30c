using System.Security.Claims;
using System.Text.Json.Nodes;
using CioAspNet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Tests.Identity;

public sealed class CioClaimsIdentityResolverTests
{
    private static async Task<(CioIdentity? Identity, TagHelperHarness Harness)> ResolveAsync(
        Claim[] claims, IDictionary<string, string?>? settings = null)
    {
        var harness = new TagHelperHarness(settings);
        harness.SignIn(claims);
        var resolver = harness.Scope.ServiceProvider.GetRequiredService<ICioIdentityResolver>();
        Assert.IsType<CioClaimsIdentityResolver>(resolver);
        return (await resolver.ResolveAsync(harness.HttpContext.User, harness.HttpContext), harness);
    }

    [Fact]
    public async Task Resolve_StandardClaimTypes_FillEveryField()
    {
        var (identity, harness) = await ResolveAsync(
        [
            new(ClaimTypes.NameIdentifier, "42"),
            new(ClaimTypes.Email, "ada@example.com"),
            new(ClaimTypes.GivenName, "Ada"),
            new(ClaimTypes.Surname, "Lovelace"),
            new("created_at", "1700000000"),
        ]);
        using var _ = harness;

        Assert.Equal("42", identity!.Id);
        Assert.Equal("ada@example.com", identity.Email);
        Assert.Equal("Ada", identity.FirstName);
        Assert.Equal("Lovelace", identity.LastName);
        Assert.Equal(1700000000, identity.CreatedAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Resolve_OidcClaimTypes_FillEveryField()
    {
        var (identity, harness) = await ResolveAsync(
        [
            new("sub", "sub-7"),
            new("email", "grace@example.com"),
            new("given_name", "Grace"),
            new("family_name", "Hopper"),
            new("created_at", "2024-03-05T09:30:00Z"),
        ]);
        using var _ = harness;

        Assert.Equal("sub-7", identity!.Id);
        Assert.Equal("grace@example.com", identity.Email);
        Assert.Equal("Grace", identity.FirstName);
        Assert.Equal("Hopper", identity.LastName);
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture), identity.CreatedAt);
    }

    [Fact]
    public async Task Resolve_NameIdentifierBeforeSub_FirstTypeWins()
    {
        var (identity, harness) = await ResolveAsync([new("sub", "from-sub"), new(ClaimTypes.NameIdentifier, "from-nameid")]);
        using var _ = harness;

        Assert.Equal("from-nameid", identity!.Id);
    }

    [Fact]
    public async Task Resolve_ConfiguredClaimTypes_ReplaceDefaults()
    {
        var (identity, harness) = await ResolveAsync(
            [new(ClaimTypes.NameIdentifier, "default"), new("uid", "configured"), new("joined", "1700000000")],
            new Dictionary<string, string?>
            {
                ["Cio:Identify:IdClaimTypes:0"] = "uid",
                ["Cio:Identify:CreatedAtClaimTypes:0"] = "joined",
            });
        using var _ = harness;

        Assert.Equal("configured", identity!.Id);
        Assert.Equal(1700000000, identity.CreatedAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Resolve_InvalidCreatedAt_LeftOut()
    {
        var (identity, harness) = await ResolveAsync([new("sub", "1"), new("created_at", "last tuesday")]);
        using var _ = harness;

        Assert.NotNull(identity);
        Assert.Null(identity.CreatedAt);
        Assert.Equal(LogLevel.Debug, Assert.Single(harness.LogsWithId(30)).Level);
    }

    [Fact]
    public async Task Resolve_MissingIdClaim_ReturnsNull()
    {
        var (identity, harness) = await ResolveAsync([new(ClaimTypes.Email, "ada@example.com")]);
        using var _ = harness;

        Assert.Null(identity);
        var record = Assert.Single(harness.LogsWithId(20));
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Contains("sub", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_EmailModeWithoutEmail_ReturnsNull()
    {
        var (identity, harness) = await ResolveAsync([new("sub", "1")],
            new Dictionary<string, string?> { ["Cio:Identify:Identifier"] = "Email" });
        using var _ = harness;

        Assert.Null(identity);
        Assert.Contains("EmailClaimTypes", Assert.Single(harness.LogsWithId(20)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_AttributeClaims_SingleValueAndArray()
    {
        var (identity, harness) = await ResolveAsync(
            [new("sub", "1"), new("urn:example:plan", "pro"), new(ClaimTypes.Role, "admin"), new(ClaimTypes.Role, "editor")],
            new Dictionary<string, string?>
            {
                ["Cio:Identify:AttributeClaims:plan"] = "urn:example:plan",
                ["Cio:Identify:AttributeClaims:roles"] = ClaimTypes.Role,
                ["Cio:Identify:AttributeClaims:absent"] = "nothing",
            });
        using var _ = harness;

        Assert.Equal("pro", identity!.Attributes["plan"]);
        var roles = Assert.IsType<JsonArray>(identity.Attributes["roles"]);
        Assert.Equal(["admin", "editor"], roles.Select(node => node!.GetValue<string>()));
        Assert.False(identity.Attributes.ContainsKey("absent"));
    }
}
