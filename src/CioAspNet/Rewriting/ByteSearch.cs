using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CioAspNet.Rewriting;

/// <summary>
/// Searches for the bytes that end a run of text, a name or a value in a tag. Perf: the next such byte is usually
/// within 32 bytes, so one vector compare finds it without the call and set-up of a span search.
/// </summary>
internal static class ByteSearch
{
    /// <summary>Returns the index of the first <paramref name="value"/> at or after start, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(ReadOnlySpan<byte> input, int start, byte value)
    {
        if (Vector256.IsHardwareAccelerated && start + Vector256<byte>.Count <= input.Length)
        {
            var block = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(input), (nuint)start);
            var mask = Vector256.Equals(block, Vector256.Create(value)).ExtractMostSignificantBits();
            if (mask != 0)
            {
                return start + BitOperations.TrailingZeroCount(mask);
            }

            start += Vector256<byte>.Count;
        }

        var offset = input[start..].IndexOf(value);
        return offset < 0 ? -1 : start + offset;
    }

    /// <summary>
    /// Returns the index of the first byte at or after start that ends an attribute name (a space, '/', '>' or
    /// '='), or -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfAttributeNameEnd(ReadOnlySpan<byte> input, int start)
    {
        if (Vector256.IsHardwareAccelerated && start + Vector256<byte>.Count <= input.Length)
        {
            var block = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(input), (nuint)start);
            var ends = Whitespace(block) | Vector256.Equals(block, Vector256.Create((byte)'/'))
                | Vector256.Equals(block, Vector256.Create((byte)'>'))
                | Vector256.Equals(block, Vector256.Create((byte)'='));
            var mask = ends.ExtractMostSignificantBits();
            if (mask != 0)
            {
                return start + BitOperations.TrailingZeroCount(mask);
            }

            start += Vector256<byte>.Count;
        }

        var offset = input[start..].IndexOfAny(AttributeNameEnd);
        return offset < 0 ? -1 : start + offset;
    }

    /// <summary>
    /// Reads a tag name of fewer than 16 bytes at start: its length, up to a space, '/' or '>', and its bytes in
    /// lower case, packed as <see cref="HtmlTagNames.Pack"/> packs them. Returns false for a longer name, or when
    /// fewer than 16 bytes are left, and the caller reads the name byte by byte.
    /// </summary>
    /// <remarks>Perf: one vector compare in place of a loop whose exit, at a different length for each tag,
    /// the processor cannot predict.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadTagName(ReadOnlySpan<byte> input, int start, out int length, out ulong low, out ulong high)
    {
        length = 0;
        low = 0;
        high = 0;
        if (!Vector128.IsHardwareAccelerated || start + Vector128<byte>.Count > input.Length)
        {
            return false;
        }

        var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(input), (nuint)start);
        var ends = Whitespace(block) | Vector128.Equals(block, Vector128.Create((byte)'/'))
            | Vector128.Equals(block, Vector128.Create((byte)'>'));
        var mask = ends.ExtractMostSignificantBits();
        if (mask == 0)
        {
            return false;
        }

        length = BitOperations.TrailingZeroCount(mask);
        var upper = Vector128.LessThanOrEqual(block - Vector128.Create((byte)'A'), Vector128.Create((byte)('Z' - 'A')));
        var lower = (block | (upper & Vector128.Create((byte)0x20))).AsUInt64();
        low = lower.GetElement(0);
        high = lower.GetElement(1);
        if (length < 8)
        {
            low &= (1UL << (length * 8)) - 1;
            high = 0;
        }
        else
        {
            high &= (1UL << ((length - 8) * 8)) - 1;
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<byte> AttributeNameEnd =
        System.Buffers.SearchValues.Create(" \t\n\f\r/>="u8);

    // Tab, line feed, form feed, carriage return and space: the bytes 9, 10, 12, 13 and 32.
    private static Vector128<byte> Whitespace(Vector128<byte> block) =>
        Vector128.Equals(block, Vector128.Create((byte)' '))
        | (Vector128.LessThanOrEqual(block - Vector128.Create((byte)'\t'), Vector128.Create((byte)4))
            & ~Vector128.Equals(block, Vector128.Create((byte)0x0B)));

    // The same bytes as above, in 32 bytes at a time.
    private static Vector256<byte> Whitespace(Vector256<byte> block) =>
        Vector256.Equals(block, Vector256.Create((byte)' '))
        | (Vector256.LessThanOrEqual(block - Vector256.Create((byte)'\t'), Vector256.Create((byte)4))
            & ~Vector256.Equals(block, Vector256.Create((byte)0x0B)));
}
