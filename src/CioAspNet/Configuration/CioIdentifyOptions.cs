using System.Security.Claims;

namespace CioAspNet;

/// <summary>
/// How <c>&lt;cio-identify /&gt;</c> maps the signed-in <see cref="ClaimsPrincipal"/> to an identify call, bound from
/// <c>Cio:Identify</c>. Each claim type list is tried in order and the first claim found is used. An empty list
/// selects the default that its summary states.
/// </summary>
public sealed class CioIdentifyOptions
{
    /// <summary>The default of <see cref="IdClaimTypes"/>: <see cref="ClaimTypes.NameIdentifier"/>, then <c>sub</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultIdClaimTypes = [ClaimTypes.NameIdentifier, "sub"];

    /// <summary>The default of <see cref="EmailClaimTypes"/>: <see cref="ClaimTypes.Email"/>, then <c>email</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultEmailClaimTypes = [ClaimTypes.Email, "email"];

    /// <summary>The default of <see cref="CreatedAtClaimTypes"/>: <c>created_at</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultCreatedAtClaimTypes = ["created_at"];

    /// <summary>The default of <see cref="FirstNameClaimTypes"/>: <see cref="ClaimTypes.GivenName"/>, then <c>given_name</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultFirstNameClaimTypes = [ClaimTypes.GivenName, "given_name"];

    /// <summary>The default of <see cref="LastNameClaimTypes"/>: <see cref="ClaimTypes.Surname"/>, then <c>family_name</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultLastNameClaimTypes = [ClaimTypes.Surname, "family_name"];

    /// <summary>
    /// Which value identifies a person: <see cref="CioIdentifier.Id"/> or <see cref="CioIdentifier.Email"/>. Default:
    /// <see cref="CioIdentifier.Id"/>. It must match the workspace's setting in Customer.io.
    /// </summary>
    public CioIdentifier Identifier { get; set; } = CioIdentifier.Id;

    /// <summary>Claim types of the person's id. Default: empty, which selects <see cref="DefaultIdClaimTypes"/>.</summary>
    public IList<string> IdClaimTypes { get; } = new List<string>();

    /// <summary>Claim types of the email address. Default: empty, which selects <see cref="DefaultEmailClaimTypes"/>.</summary>
    public IList<string> EmailClaimTypes { get; } = new List<string>();

    /// <summary>
    /// Claim types of <c>created_at</c>, whose value is Unix seconds or an ISO 8601 date and time. Default: empty,
    /// which selects <see cref="DefaultCreatedAtClaimTypes"/>.
    /// </summary>
    public IList<string> CreatedAtClaimTypes { get; } = new List<string>();

    /// <summary>Claim types of <c>first_name</c>. Default: empty, which selects <see cref="DefaultFirstNameClaimTypes"/>.</summary>
    public IList<string> FirstNameClaimTypes { get; } = new List<string>();

    /// <summary>Claim types of <c>last_name</c>. Default: empty, which selects <see cref="DefaultLastNameClaimTypes"/>.</summary>
    public IList<string> LastNameClaimTypes { get; } = new List<string>();

    /// <summary>
    /// More attributes, keyed by attribute name, each valued with the claim type to read, for example
    /// <c>"plan": "urn:example:plan"</c>. A claim type that occurs more than once becomes an array. Default: empty.
    /// The attribute name is the key because claim types are often URIs, and ':' separates configuration keys.
    /// </summary>
    public IDictionary<string, string> AttributeClaims { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
