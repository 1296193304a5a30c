namespace CioAspNet;

/// <summary>The value that identifies a person in the workspace, as set in the workspace settings of Customer.io.</summary>
public enum CioIdentifier
{
    /// <summary>People are identified by an id; the email, when known, is sent as an attribute.</summary>
    Id,

    /// <summary>People are identified by email address, which is sent both as <c>id</c> and as <c>email</c>.</summary>
    Email,
}
