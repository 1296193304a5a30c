namespace CioAspNet.Tests.Conformance;

/// <summary>Properties that every rewrite must have, whatever the input. Each check returns null or a problem.</summary>
internal static class RewriterProperties
{
    /// <summary>Checks that every write plan gives the same output as <paramref name="reference"/>.</summary>
    public static string? CheckChunkInvariance(
        byte[] input, RewriteResult reference, IEnumerable<(string Name, IReadOnlyList<int> Sizes)> chunkings)
    {
        foreach (var (name, sizes) in chunkings)
        {
            var result = ConformanceRewriter.Rewrite(input, sizes);
            if (!result.Output.AsSpan().SequenceEqual(reference.Output))
            {
                var at = result.Output.AsSpan().CommonPrefixLength(reference.Output);
                return $"{name} gave an output that differs from one write at byte {at} " +
                    $"(loader at {result.InsertOffset} instead of {reference.InsertOffset})";
            }
        }

        return null;
    }

    /// <summary>Checks that the output is the input with the loader element added at one place, or the input.</summary>
    public static string? CheckBytePreservation(byte[] input, RewriteResult result)
    {
        var output = result.Output.AsSpan();
        if (!result.Inserted)
        {
            return output.SequenceEqual(input)
                ? null
                : $"nothing was inserted, but the output differs from the input at byte {output.CommonPrefixLength(input)}";
        }

        var loader = ConformanceRewriter.LoaderElement;
        var offset = result.InsertOffset;
        if (output.Length != input.Length + loader.Length)
        {
            return $"the output has {output.Length} bytes, but the input and the loader have {input.Length + loader.Length}";
        }

        if (!output.Slice(offset, loader.Length).SequenceEqual(loader))
        {
            return $"the bytes at the insertion offset {offset} are not the loader element";
        }

        if (!output[..offset].SequenceEqual(input.AsSpan(0, offset)))
        {
            var at = output[..offset].CommonPrefixLength(input);
            return $"before the loader, the output differs from the input at byte {at}";
        }

        var after = output[(offset + loader.Length)..];
        var rest = input.AsSpan(offset);
        return after.SequenceEqual(rest)
            ? null
            : $"after the loader, the output differs from the input at input byte {offset + after.CommonPrefixLength(rest)}";
    }
}
