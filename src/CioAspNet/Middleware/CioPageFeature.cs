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

    /// <summary>The part that writes the loader and calls before <c>&lt;/body&gt;</c>: the first one to get there.</summary>
    public PageInsertion Insertion { get; set; }
}

/// <summary>Where the content before <c>&lt;/body&gt;</c> comes from.</summary>
internal enum PageInsertion
{
    /// <summary>Not decided yet.</summary>
    None,

    /// <summary>The Razor view's body tag helper component wrote it, so the rewriter need not look for the tag.</summary>
    RazorView,

    /// <summary>The response started before the view reached its body, so the rewriter inserts it.</summary>
    Rewriter,
}
