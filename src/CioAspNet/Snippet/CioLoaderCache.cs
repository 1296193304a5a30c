namespace CioAspNet.Snippet;

/// <summary>
/// Builds the loader once per options instance, so a reload of the configuration gives a new loader and every
/// other request reuses the last one.
/// </summary>
internal sealed class CioLoaderCache
{
    private Entry? _entry;

    public CioLoader Get(CioOptions options)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && ReferenceEquals(entry.Options, options))
        {
            return entry.Loader;
        }

        var loader = new CioLoader(options);
        Volatile.Write(ref _entry, new Entry(options, loader));
        return loader;
    }

    private sealed record Entry(CioOptions Options, CioLoader Loader);
}
