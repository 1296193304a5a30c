using System.Text;
using CioAspNet.Calls;

namespace CioAspNet.Configuration;

// The checks of the nested options: Cio:Identify, Cio:Csp and Cio:Calls.
internal sealed partial class CioOptionsValidator
{
    private static readonly string[] ClaimTypeLists =
        ["IdClaimTypes", "EmailClaimTypes", "CreatedAtClaimTypes", "FirstNameClaimTypes", "LastNameClaimTypes"];

    private static void ValidateIdentify(CioIdentifyOptions identify, List<string> failures)
    {
        if (!Enum.IsDefined(identify.Identifier))
        {
            failures.Add($"Cio:Identify:Identifier has the invalid value '{identify.Identifier}'. Set it to Id or " +
                "Email, as the workspace settings of Customer.io identify people.");
        }

        IList<string>[] lists = [identify.IdClaimTypes, identify.EmailClaimTypes, identify.CreatedAtClaimTypes,
            identify.FirstNameClaimTypes, identify.LastNameClaimTypes];
        for (var i = 0; i < lists.Length; i++)
        {
            ValidateClaimTypes($"Cio:Identify:{ClaimTypeLists[i]}", lists[i], failures);
        }

        foreach (var (attribute, claimType) in identify.AttributeClaims)
        {
            ValidateAttributeClaim(attribute, claimType, failures);
        }
    }

    private static void ValidateClaimTypes(string key, IList<string> claimTypes, List<string> failures)
    {
        for (var i = 0; i < claimTypes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(claimTypes[i]))
            {
                failures.Add($"{key}:{i} is empty. Set it to a claim type such as 'sub', or remove the entry.");
            }
        }
    }

    private static void ValidateAttributeClaim(string attribute, string claimType, List<string> failures)
    {
        var key = $"Cio:Identify:AttributeClaims:{attribute}";
        if (Encoding.UTF8.GetByteCount(attribute) > TrackApiLimits.MaxAttributeNameBytes)
        {
            failures.Add($"{key} names an attribute longer than {TrackApiLimits.MaxAttributeNameBytes} bytes, the " +
                "Track API's limit. Choose a shorter attribute name.");
        }

        if (string.Equals(attribute, "id", StringComparison.Ordinal))
        {
            failures.Add($"{key} would replace the identifier. Remove it, and set Cio:Identify:IdClaimTypes instead.");
        }

        if (string.IsNullOrWhiteSpace(claimType))
        {
            failures.Add($"{key} has no claim type. Set it to the claim type to read, such as 'plan'.");
        }
    }

    private static void ValidateCsp(CioCspOptions csp, List<string> failures)
    {
        if (csp.NonceAccessor is null && string.IsNullOrWhiteSpace(csp.NonceItemKey))
        {
            failures.Add("Cio:Csp:NonceItemKey is empty. Set it to the HttpContext.Items key of the CSP nonce " +
                $"(default '{CioCspOptions.DefaultNonceItemKey}'), or set Csp.NonceAccessor in code.");
        }
    }

    private static void ValidateCalls(CioCallsOptions calls, List<string> failures)
    {
        if (string.IsNullOrEmpty(calls.CookieName) || !calls.CookieName.All(IsCookieNameCharacter))
        {
            failures.Add($"Cio:Calls:CookieName ('{calls.CookieName}') is not a valid cookie name. Use ASCII " +
                $"letters, digits and '.', '-' or '_', such as '{CioCallsOptions.DefaultCookieName}'.");
        }
    }
}
