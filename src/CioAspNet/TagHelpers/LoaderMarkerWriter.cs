using System.Buffers;
using System.Text;
using CioAspNet.Snippet;

namespace CioAspNet.TagHelpers;

/// <summary>
/// A text writer that stores nothing and records whether the text written to it contains the mark of a loader:
/// <c>cio-tracker</c>, the id of a loader written by hand, or the attribute that marks this package's loader.
/// </summary>
/// <remarks>
/// Perf: it replaces copying a view's whole body into a string to search it. A mark split across two writes is
/// found through the last characters of the earlier write, which the writer keeps.
/// </remarks>
internal sealed class LoaderMarkerWriter : TextWriter
{
    private const string TrackerId = "cio-tracker";

    private static readonly SearchValues<string> Marks =
        SearchValues.Create([TrackerId, CioLoader.MarkerAttribute], StringComparison.Ordinal);

    private static readonly int TailLength = Math.Max(TrackerId.Length, CioLoader.MarkerAttribute.Length) - 1;

    private readonly char[] _tail = new char[TailLength];
    private int _tailCount;

    /// <summary>Whether a mark has been written.</summary>
    public bool Found { get; private set; }

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (Found || buffer.IsEmpty)
        {
            return;
        }

        if (_tailCount > 0 && ContainsAcrossBoundary(buffer))
        {
            Found = true;
            return;
        }

        if (buffer.ContainsAny(Marks))
        {
            Found = true;
            return;
        }

        KeepTail(buffer);
    }

    // Checks the kept end of the earlier writes joined with the start of this one.
    private bool ContainsAcrossBoundary(ReadOnlySpan<char> buffer)
    {
        Span<char> joined = stackalloc char[TailLength * 2];
        _tail.AsSpan(0, _tailCount).CopyTo(joined);
        var head = buffer[..Math.Min(buffer.Length, TailLength)];
        head.CopyTo(joined[_tailCount..]);
        return joined[..(_tailCount + head.Length)].ContainsAny(Marks);
    }

    private void KeepTail(ReadOnlySpan<char> buffer)
    {
        if (buffer.Length >= TailLength)
        {
            buffer[^TailLength..].CopyTo(_tail);
            _tailCount = TailLength;
            return;
        }

        var keep = Math.Min(_tailCount, TailLength - buffer.Length);
        _tail.AsSpan(_tailCount - keep, keep).CopyTo(_tail);
        buffer.CopyTo(_tail.AsSpan(keep));
        _tailCount = keep + buffer.Length;
    }
}
