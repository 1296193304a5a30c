namespace CioAspNet.Benchmarks;

/// <summary>
/// Locates the real HTML pages that the benchmark pages are built from: <c>pages</c> in the folder named by
/// <c>CIO_CORPUS_DIR</c>, or else in <c>shared/corpus</c> beside the repository, found by walking up from the
/// binaries to the folder that contains <c>CioAspNet.sln</c>.
/// </summary>
internal static class CorpusDirectory
{
    public const string EnvironmentVariable = "CIO_CORPUS_DIR";

    /// <summary>Lists the corpus pages, sorted by name. Throws when there are none.</summary>
    public static IReadOnlyList<string> Pages()
    {
        var folder = Path.Combine(Locate(), "pages");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The corpus pages folder '{folder}' is missing. Put a copy of shared/ beside the repository, or " +
                $"set {EnvironmentVariable} to the corpus folder.");
        }

        var pages = Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal).ToArray();
        if (pages.Length == 0)
        {
            throw new InvalidOperationException($"The corpus folder '{folder}' contains no *.html page.");
        }

        return pages;
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CioAspNet.sln")))
            {
                return Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "corpus"));
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' contains CioAspNet.sln, so the corpus cannot be found. " +
            $"Set {EnvironmentVariable} to the corpus folder.");
    }
}
