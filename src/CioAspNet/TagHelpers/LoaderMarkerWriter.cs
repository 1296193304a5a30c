using System.Buffers;
using System.Text;
using CioAspNet.Snippet;

namespace CioAspNet.TagHelpers;

/// <summary>
/// A text writer that keeps nothing and records whether the text written to it contains the mark of a loader:
/// <c>cio-tracker</c>, the id of a loader written by hand, or the attribute that marks this package's loader.
/// </summary>
/// <remarks>
/// Perf: it replaces copying a view's whole body into a string to search it. Views write their content in
/// thousands of short pieces, so the writer collects them in a pooled buffer and searches each full buffer once.
/// The last characters of a buffer move to the start of the next one, so a mark split across the two is found.
/// </remarks>
internal sealed class LoaderMarkerWriter : TextWriter
{
    private const string TrackerId = "cio-tracker";
    private const int BufferLength = 4096;

    private static readonly SearchValues<string> Marks =
        SearchValues.Create([TrackerId, CioLoader.MarkerAttribute], StringComparison.Ordinal);

    private static readonly int OverlapLength = Math.Max(TrackerId.Length, CioLoader.MarkerAttribute.Length) - 1;

    private char[]? _buffer = ArrayPool<char>.Shared.Rent(BufferLength);
    private int _count;

    // The characters at the start of the buffer that an earlier search has already covered.
    private int _searchedCount;
    private bool _found;

    /// <summary>Whether a mark has been written.</summary>
    public bool Found
    {
        get
        {
            Search();
            return _found;
        }
    }

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
        while (!buffer.IsEmpty && !_found && _buffer is not null)
        {
            var length = Math.Min(buffer.Length, _buffer.Length - _count);
            buffer[..length].CopyTo(_buffer.AsSpan(_count));
            _count += length;
            buffer = buffer[length..];
            if (_count == _buffer.Length)
            {
                Search();
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (_buffer is not null)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = null;
        }

        base.Dispose(disposing);
    }

    // Searches the collected text and keeps its end, which may contain the start of a mark.
    private void Search()
    {
        if (_found || _buffer is null || _count <= _searchedCount)
        {
            return;
        }

        var text = _buffer.AsSpan(0, _count);
        if (text.ContainsAny(Marks))
        {
            _found = true;
            return;
        }

        var overlap = Math.Min(OverlapLength, _count);
        text[^overlap..].CopyTo(_buffer);
        _count = overlap;
        _searchedCount = overlap;
    }
}
