namespace CioAspNet.Tests.Conformance;

/// <summary>
/// Locates the test corpus: the folder named by <c>CIO_CORPUS_DIR</c>, or else <c>shared/corpus</c> beside the
/// repository, found by walking up from the test binaries to the folder that contains <c>CioAspNet.sln</c>.
/// </summary>
internal static class CorpusDirectory
{
    public const string EnvironmentVariable = "CIO_CORPUS_DIR";

    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The corpus folder; throws when it is missing, so that a test fails instead of passing empty.</summary>
    public static string Path => Root.Value;

    /// <summary>The real HTML pages, sorted by name.</summary>
    public static IReadOnlyList<string> Pages()
    {
        var folder = Require(System.IO.Path.Combine(Path, "pages"));
        var pages = Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal).ToArray();
        if (pages.Length == 0)
        {
            throw new InvalidOperationException($"The corpus folder '{folder}' contains no *.html page.");
        }

        return pages;
    }

    /// <summary>The html5lib tokenizer test files, sorted by name.</summary>
    public static IReadOnlyList<string> TokenizerTestFiles()
    {
        var folder = Require(System.IO.Path.Combine(Path, "html5lib-tokenizer"));
        var files = Directory.GetFiles(folder, "*.test").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"The corpus folder '{folder}' contains no *.test file.");
        }

        return files;
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Require(System.IO.Path.GetFullPath(fromEnvironment));
        }

        var repositoryRoot = FindRepositoryRoot();
        return Require(System.IO.Path.GetFullPath(System.IO.Path.Combine(repositoryRoot, "..", "shared", "corpus")));
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CioAspNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' contains CioAspNet.sln, so the test corpus cannot be " +
            $"found. Set {EnvironmentVariable} to the corpus folder.");
    }

    private static string Require(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The test corpus folder '{folder}' is missing. Put a copy of shared/ beside the repository, or " +
                $"set {EnvironmentVariable} to the corpus folder.");
        }

        return folder;
    }
}
