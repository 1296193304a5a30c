using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CioAspNet.Links;

/// <summary>
/// The hosts that may receive <c>_cio_id</c>: exact names and <c>*.</c> wildcards for subdomains, compared
/// case-insensitively in their ASCII (punycode) form, without a trailing dot and without a port.
/// </summary>
internal sealed class DomainAllowList
{
    private static readonly IdnMapping Idn = new();
    private static readonly System.Buffers.SearchValues<char> NotInHostName = System.Buffers.SearchValues.Create("/\\:@?#*% \t");

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _exact;

    // Bit n is set when an exact entry has n characters, so that most hosts not on the list skip the lookup.
    private readonly ulong[] _exactLengths;
    private readonly string[] _suffixes;

    public DomainAllowList(IEnumerable<string> domains)
    {
        var exact = new List<string>();
        var suffixes = new List<string>();
        foreach (var domain in domains)
        {
            if (!TryNormalizeEntry(domain, out var host, out var wildcard))
            {
                continue;
            }

            (wildcard ? suffixes : exact).Add(wildcard ? "." + host : host);
        }

        _exact = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _exactLengths = LengthBits(exact);
        _suffixes = [.. suffixes];
        IsEmpty = exact.Count == 0 && suffixes.Count == 0;
    }

    /// <summary>An allow-list with no host on it.</summary>
    public static DomainAllowList Empty { get; } = new([]);

    public bool IsEmpty { get; }

    /// <summary>Checks an ASCII host name as it is written in a URL; a trailing dot is ignored.</summary>
    public bool Contains(ReadOnlySpan<char> host)
    {
        host = host.EndsWith('.') ? host[..^1] : host;
        if (host.IsEmpty)
        {
            return false;
        }

        if (HasExactLength(host.Length) && _exact.Contains(host))
        {
            return true;
        }

        foreach (var suffix in _suffixes)
        {
            if (host.Length > suffix.Length && Ascii.EqualsIgnoreCase(host[^suffix.Length..], suffix))
            {
                return true;
            }
        }

        return false;
    }

    private static ulong[] LengthBits(List<string> hosts)
    {
        var bits = new ulong[hosts.Count == 0 ? 1 : (hosts.Max(host => host.Length) / 64) + 1];
        foreach (var host in hosts)
        {
            bits[host.Length / 64] |= 1UL << (host.Length % 64);
        }

        return bits;
    }

    private bool HasExactLength(int length) =>
        length / 64 < _exactLengths.Length && (_exactLengths[length / 64] & (1UL << (length % 64))) != 0;

    /// <summary>
    /// Normalizes a configured entry: lower case, punycode for internationalized names, no trailing dot.
    /// Returns false for an entry that is not a host name or a <c>*.</c> wildcard.
    /// </summary>
    public static bool TryNormalizeEntry(string? entry, out string host, out bool wildcard)
    {
        host = "";
        wildcard = false;
        var text = entry?.Trim() ?? "";
        if (text.StartsWith("*.", StringComparison.Ordinal))
        {
            wildcard = true;
            text = text[2..];
        }

        text = text.TrimEnd('.');
        if (text.Length == 0 || text.AsSpan().IndexOfAny(NotInHostName) >= 0)
        {
            return false;
        }

        return TryToAscii(text, out host);
    }

    /// <summary>Converts a host name to its lower-case ASCII form, or returns false when it is not a valid name.</summary>
    public static bool TryToAscii(string name, out string ascii)
    {
        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
            return true;
        }
        catch (ArgumentException)
        {
            ascii = "";
            return false;
        }
    }
}
