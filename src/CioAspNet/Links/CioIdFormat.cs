namespace CioAspNet.Links;

/// <summary>The accepted form of a cio_id: 1 to 64 ASCII letters and digits.</summary>
internal static class CioIdFormat
{
    public const int MaxLength = 64;

    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
