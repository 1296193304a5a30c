namespace CioAspNet;

/// <summary>
/// The person that an identify call describes. <see cref="Id"/> is required, or <see cref="Email"/> when
/// <c>Cio:Identify:Identifier</c> is <see cref="CioIdentifier.Email"/>; without it no identify call is emitted.
/// </summary>
public sealed class CioIdentity
{
    /// <summary>The person's id in the workspace, sent as <c>id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The email address, sent as <c>email</c>, and as <c>id</c> when people are identified by email.</summary>
    public string? Email { get; set; }

    /// <summary>When the person's account was created, sent as <c>created_at</c> in seconds since the Unix epoch.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The given name, sent as <c>first_name</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary>The family name, sent as <c>last_name</c>.</summary>
    public string? LastName { get; set; }

    /// <summary>
    /// More attributes, by attribute name. Values are serialized with System.Text.Json; dates become Unix seconds
    /// and arrays stay arrays.
    /// </summary>
    public IDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
