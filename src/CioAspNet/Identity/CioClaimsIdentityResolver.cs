using System.Security.Claims;
using System.Text.Json.Nodes;
using CioAspNet.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet;

/// <summary>
/// The default <see cref="ICioIdentityResolver"/>: reads the id, email, names, <c>created_at</c> and the attributes
/// of <c>Cio:Identify:AttributeClaims</c> from the principal's claims. A principal without the identifier claim
/// gets no identify call, and a Debug log names the claim types that were tried.
/// </summary>
public sealed class CioClaimsIdentityResolver : ICioIdentityResolver
{
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly ILogger _logger;

    /// <summary>Creates the resolver; DI calls it.</summary>
    public CioClaimsIdentityResolver(IOptionsMonitor<CioOptions> options, ILogger<CioClaimsIdentityResolver> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public ValueTask<CioIdentity?> ResolveAsync(ClaimsPrincipal principal, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Resolve(principal, _options.CurrentValue.Identify, context.Request.Path.Value ?? "/"));
    }

    private CioIdentity? Resolve(ClaimsPrincipal principal, CioIdentifyOptions options, string path)
    {
        var byEmail = options.Identifier == CioIdentifier.Email;
        var identifierTypes = byEmail
            ? Or(options.EmailClaimTypes, CioIdentifyOptions.DefaultEmailClaimTypes)
            : Or(options.IdClaimTypes, CioIdentifyOptions.DefaultIdClaimTypes);
        if (FindFirst(principal, identifierTypes) is null)
        {
            var key = byEmail ? "EmailClaimTypes" : "IdClaimTypes";
            Log.IdentifyClaimMissing(_logger, path, string.Join(", ", identifierTypes), key);
            return null;
        }

        var identity = new CioIdentity
        {
            Id = FindFirst(principal, Or(options.IdClaimTypes, CioIdentifyOptions.DefaultIdClaimTypes))?.Value,
            Email = FindFirst(principal, Or(options.EmailClaimTypes, CioIdentifyOptions.DefaultEmailClaimTypes))?.Value,
            FirstName = FindFirst(principal, Or(options.FirstNameClaimTypes, CioIdentifyOptions.DefaultFirstNameClaimTypes))?.Value,
            LastName = FindFirst(principal, Or(options.LastNameClaimTypes, CioIdentifyOptions.DefaultLastNameClaimTypes))?.Value,
        };
        AddCreatedAt(identity, principal, options, path);
        AddMappedAttributes(identity, principal, options.AttributeClaims);
        return identity;
    }

    private void AddCreatedAt(CioIdentity identity, ClaimsPrincipal principal, CioIdentifyOptions options, string path)
    {
        var claim = FindFirst(principal, Or(options.CreatedAtClaimTypes, CioIdentifyOptions.DefaultCreatedAtClaimTypes));
        if (claim is null)
        {
            return;
        }

        if (CreatedAtClaim.TryParse(claim.Value, out var createdAt))
        {
            identity.CreatedAt = createdAt;
            return;
        }

        Log.CreatedAtInvalid(_logger, path, claim.Type);
    }

    private static void AddMappedAttributes(CioIdentity identity, ClaimsPrincipal principal, IDictionary<string, string> map)
    {
        foreach (var (attribute, claimType) in map)
        {
            var values = principal.FindAll(claimType).Select(claim => claim.Value).ToList();
            if (values.Count == 1)
            {
                identity.Attributes[attribute] = values[0];
            }
            else if (values.Count > 1)
            {
                identity.Attributes[attribute] = new JsonArray(values.Select(value => (JsonNode?)value).ToArray());
            }
        }
    }

    private static IReadOnlyList<string> Or(IList<string> configured, IReadOnlyList<string> defaults) =>
        configured.Count > 0 ? configured.AsReadOnly() : defaults;

    private static Claim? FindFirst(ClaimsPrincipal principal, IReadOnlyList<string> claimTypes)
    {
        foreach (var claimType in claimTypes)
        {
            var claim = principal.FindFirst(claimType);
            if (claim is not null && !string.IsNullOrEmpty(claim.Value))
            {
                return claim;
            }
        }

        return null;
    }
}
