namespace CioAspNet;

/// <summary>
/// The data center region of a Customer.io workspace, which selects the track.js script URL.
/// </summary>
public enum CioRegion
{
    /// <summary>The United States region, served by <c>https://assets.customer.io/assets/track.js</c>.</summary>
    Us,

    /// <summary>The European Union region, served by <c>https://assets.customer.io/assets/track-eu.js</c>.</summary>
    Eu,
}
