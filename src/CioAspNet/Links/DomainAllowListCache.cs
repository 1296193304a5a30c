namespace CioAspNet.Links;

/// <summary>Builds the allow-list of <see cref="CioLinksOptions.Domains"/> once per options instance.</summary>
internal sealed class DomainAllowListCache
{
    private Entry? _entry;

    public DomainAllowList Get(CioOptions options)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && ReferenceEquals(entry.Options, options))
        {
            return entry.AllowList;
        }

        var allowList = new DomainAllowList(options.Links.Domains);
        Volatile.Write(ref _entry, new Entry(options, allowList));
        return allowList;
    }

    private sealed record Entry(CioOptions Options, DomainAllowList AllowList);
}
