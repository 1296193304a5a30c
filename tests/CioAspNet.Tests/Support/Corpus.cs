namespace CioAspNet.Tests.Support;

/// <summary>
/// Finds the shared test corpus: the folder in CIO_CORPUS_DIR, else shared/corpus beside the repository.
/// </summary>
internal static class Corpus
{
    public static string PagesDirectory => Path.Combine(Root, "pages");

    public static IEnumerable<string> Pages =>
        Directory.EnumerateFiles(PagesDirectory, "*.html").Order(StringComparer.Ordinal);

    private static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CIO_CORPUS_DIR");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CioAspNet.sln")))
            {
                directory = directory.Parent;
            }

            var corpus = directory?.Parent is null ? null : Path.Combine(directory.Parent.FullName, "shared", "corpus");
            if (corpus is null || !Directory.Exists(corpus))
            {
                throw new DirectoryNotFoundException(
                    "The test corpus was not found beside the repository (../shared/corpus). Set CIO_CORPUS_DIR to it.");
            }

            return corpus;
        }
    }
}
