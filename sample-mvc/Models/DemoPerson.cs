using System.Security.Claims;

namespace SampleMvc.Models;

/// <summary>A person who can sign in to the sample without a password.</summary>
public sealed record DemoPerson(string Id, string Email, string FirstName, string LastName, string CreatedAt, string Plan)
{
    /// <summary>
    /// The two demo people. Ada's <c>created_at</c> claim is in Unix seconds and Grace's in ISO 8601, to show that
    /// both formats are accepted.
    /// </summary>
    public static IReadOnlyList<DemoPerson> All { get; } =
    [
        new("ada-1815", "ada@example.com", "Ada", "Lovelace", "1700000000", "pro"),
        new("grace-1906", "grace@example.com", "Grace", "Hopper", "2024-03-05T09:30:00Z", "free"),
    ];

    /// <summary>Returns the person with this email address, or null.</summary>
    public static DemoPerson? Find(string? email) =>
        All.FirstOrDefault(person => string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the claims that the sign-in cookie stores for this person.</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, Id),
            new(ClaimTypes.Email, Email),
            new(ClaimTypes.Name, $"{FirstName} {LastName}"),
            new(ClaimTypes.GivenName, FirstName),
            new(ClaimTypes.Surname, LastName),
            new("created_at", CreatedAt),
            new("plan", Plan),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }
}
