namespace CioAspNet;

/// <summary>
/// The Content-Security-Policy sources that the Customer.io script needs with the current options, for apps that
/// build their own policy header.
/// </summary>
public interface ICioCspSources
{
    /// <summary>
    /// The hash source of the loader's inline script, quoted for a header (<c>'sha256-...'</c>), for policies that
    /// allow inline scripts by hash. It changes when the site id, the region or a script attribute changes. Queued
    /// calls are inline scripts of their own, with per-request content, so they need the nonce.
    /// </summary>
    string LoaderHashSource { get; }

    /// <summary>
    /// The <c>script-src</c> sources: the origin of track.js (<c>https://assets.customer.io</c> unless
    /// <see cref="CioOptions.ScriptUrl"/> moves it), and <c>https://code.gist.build</c> with in-app messages.
    /// </summary>
    IReadOnlyList<string> ScriptSources { get; }

    /// <summary>
    /// The <c>connect-src</c> and <c>img-src</c> sources that track.js sends to: <c>https://track.customer.io</c> in the
    /// US region, <c>https://track-eu.customer.io</c> in the EU, and the in-app message hosts when they are on.
    /// </summary>
    IReadOnlyList<string> ConnectSources { get; }
}
