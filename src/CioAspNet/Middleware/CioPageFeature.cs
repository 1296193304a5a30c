using CioAspNet.Snippet;

namespace CioAspNet.Middleware;

/// <summary>
/// The request feature that marks a request as handled by <see cref="CioMiddleware"/>, and carries what the
/// tag helpers share with it.
/// </summary>
internal sealed class CioPageFeature
{
    public CioPageFeature(CioOptions options, CioLoader loader)
    {
        Options = options;
        Loader = loader;
    }

    public CioOptions Options { get; }

    public CioLoader Loader { get; }

    /// <summary>Whether a tag helper has written the loader into the page.</summary>
    public bool LoaderWritten { get; set; }
}
