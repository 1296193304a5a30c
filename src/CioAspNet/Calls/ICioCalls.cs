namespace CioAspNet;

/// <summary>
/// The calls of the current request, emitted into its HTML page right after the loader, in the order they were
/// queued. Calls queued on a redirect travel in a protected cookie and are emitted once, on the next HTML page.
/// Inject it, or call <c>HttpContext.GetCioCalls()</c>, in controllers, Razor Pages, endpoints and middleware.
/// </summary>
/// <remarks>
/// A call that breaks a limit of Customer.io's Track API is not emitted, and a Warning names it. A response that
/// carries queued calls gets <c>Cache-Control: private</c> and is not stored by output caching.
/// </remarks>
public interface ICioCalls
{
    /// <summary>
    /// Queues <c>identify</c> for <paramref name="identifier"/>, the person's id, or their email address when
    /// <c>Cio:Identify:Identifier</c> is <c>Email</c>. <paramref name="attributes"/> is an object or dictionary whose
    /// properties become attributes.
    /// </summary>
    void Identify(string identifier, object? attributes = null);

    /// <summary>
    /// Queues <c>track</c> of the event <paramref name="name"/> with optional <paramref name="data"/>, an object or
    /// dictionary. <paramref name="useArrayParams"/>, when set, overrides <c>data-use-array-params</c> for this call.
    /// </summary>
    void Track(string name, object? data = null, bool? useArrayParams = null);

    /// <summary>Queues a page view; without <paramref name="name"/>, the browser's URL is the page name.</summary>
    void Page(string? name = null, object? data = null);

    /// <summary>
    /// Queues <c>_cio.reset()</c>, which makes track.js forget the identified person once it has loaded. Sign-out
    /// through cookie authentication queues it without this call.
    /// </summary>
    void Reset();
}
