using CioAspNet.Configuration;

namespace CioAspNet.Tests.Configuration;

public sealed class CioNestedOptionsValidationTests
{
    private static List<string> Validate(Action<CioOptions> change)
    {
        var options = new CioOptions { SiteId = "site" };
        change(options);
        var result = new CioOptionsValidator().Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.Empty(Validate(_ => { }));
    }

    [Fact]
    public void Validate_UndefinedIdentifier_NamesKey()
    {
        var failure = Assert.Single(Validate(options => options.Identify.Identifier = (CioIdentifier)7));

        Assert.StartsWith("Cio:Identify:Identifier", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyClaimType_NamesKeyAndIndex()
    {
        var failure = Assert.Single(Validate(options => options.Identify.EmailClaimTypes.Add(" ")));

        Assert.StartsWith("Cio:Identify:EmailClaimTypes:0 is empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttributeClaimNamedId_Fails()
    {
        var failure = Assert.Single(Validate(options => options.Identify.AttributeClaims["id"] = "uid"));

        Assert.StartsWith("Cio:Identify:AttributeClaims:id", failure, StringComparison.Ordinal);
        Assert.Contains("IdClaimTypes", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoAttributeProblems_ReportsBoth()
    {
        var failures = Validate(options => options.Identify.AttributeClaims[new string('a', 151)] = "");

        Assert.Equal(2, failures.Count);
    }

    [Fact]
    public void Validate_EmptyNonceItemKey_NamesKey()
    {
        var failure = Assert.Single(Validate(options => options.Csp.NonceItemKey = ""));

        Assert.StartsWith("Cio:Csp:NonceItemKey", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyNonceItemKeyWithAccessor_Succeeds()
    {
        Assert.Empty(Validate(options =>
        {
            options.Csp.NonceItemKey = "";
            options.Csp.NonceAccessor = _ => "n";
        }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a;b")]
    public void Validate_InvalidCookieName_NamesKey(string name)
    {
        var failure = Assert.Single(Validate(options => options.Calls.CookieName = name));

        Assert.StartsWith("Cio:Calls:CookieName", failure, StringComparison.Ordinal);
    }
}
