using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CioAspNet.Logging;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Tests.Docs;

/// <summary>
/// Keeps the reference pages under docs/ in step with the code: every option key, every log event and every tag
/// helper attribute must be documented. Each failure lists all the missing items.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly Assembly Library = typeof(CioOptions).Assembly;

    [Fact]
    public void ConfigurationDoc_MentionsEveryOptionKey()
    {
        var doc = ReadDoc("configuration.md");
        var options = OptionProperties(typeof(CioOptions), CioOptions.SectionName).ToList();

        var missing = options.Where(option => !MentionsKey(doc, option.Key)).Select(option => option.Key).ToList();

        Assert.Contains(options, option => option.Key == "Cio:Links:Domains");
        Assert.Contains(options, option => option.Key == "Cio:Csp:NonceAccessor");
        Assert.True(missing.Count == 0, "docs/configuration.md does not mention these option keys: " +
            string.Join(", ", missing));
    }

    [Fact]
    public void ConfigurationDoc_MarksCodeOnlyOptions()
    {
        var doc = ReadDoc("configuration.md");
        var codeOnly = OptionProperties(typeof(CioOptions), CioOptions.SectionName)
            .Where(option => !option.Bindable)
            .ToList();

        var unmarked = codeOnly
            .Where(option => !doc.Split('\n').Any(line => MentionsKey(line, option.Key) &&
                line.Contains("code only", StringComparison.OrdinalIgnoreCase)))
            .Select(option => option.Key)
            .ToList();

        Assert.NotEmpty(codeOnly);
        Assert.True(unmarked.Count == 0, "docs/configuration.md has no line that names these options and says " +
            "\"code only\": " + string.Join(", ", unmarked));
    }

    [Fact]
    public void ConfigurationDoc_JsonExampleIsCompleteAndValid()
    {
        var json = ReadCompleteJsonExample();
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCio();
        using var provider = services.BuildServiceProvider();
        var setKeys = configuration.AsEnumerable().Select(pair => pair.Key).ToList();

        var unset = OptionProperties(typeof(CioOptions), CioOptions.SectionName)
            .Where(option => option.Bindable)
            .Where(option => !setKeys.Any(key => IsKeyOrChild(key, option.Key)))
            .Select(option => option.Key)
            .ToList();
        var failures = ValidationFailures(provider);

        Assert.True(unset.Count == 0, "The complete appsettings.json example in docs/configuration.md does not set: " +
            string.Join(", ", unset));
        Assert.True(failures.Count == 0, "The complete appsettings.json example in docs/configuration.md is invalid: " +
            string.Join(" | ", failures));
    }

    [Fact]
    public void TroubleshootingDoc_ListsEveryLogEvent()
    {
        var lines = ReadDoc("troubleshooting.md").Split('\n');
        var events = typeof(Log).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        // Each event needs a table row that contains its id, its name and its level, so the three cannot drift apart.
        var missing = events
            .Where(entry => !lines.Any(line => IsEventRow(line, entry)))
            .Select(entry => $"{entry.EventId} {entry.EventName} ({entry.Level})")
            .ToList();

        Assert.NotEmpty(events);
        Assert.True(missing.Count == 0, "docs/troubleshooting.md has no table row with the id, name and level of: " +
            string.Join(", ", missing));
    }

    [Fact]
    public void TagHelpersDoc_ListsEveryAttribute()
    {
        var doc = ReadDoc("tag-helpers.md");
        var tagHelpers = Library.GetExportedTypes()
            .Where(type => typeof(ITagHelper).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();
        var missing = new List<string>();

        foreach (var tagHelper in tagHelpers)
        {
            foreach (var element in tagHelper.GetCustomAttributes<HtmlTargetElementAttribute>())
            {
                var section = FindSection(doc, $"<{element.Tag}>");
                if (section is null)
                {
                    missing.Add($"a section headed <{element.Tag}>");
                    continue;
                }

                // A table row per attribute, whose first cell is the name: `name`, or `attr-*` for a prefix.
                var rows = section.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
                missing.AddRange(AttributeNames(tagHelper)
                    .Where(name => !rows.Any(row => row.StartsWith($"| `{name}", StringComparison.Ordinal)))
                    .Select(name => $"a table row for `{name}` in the <{element.Tag}> section"));
            }
        }

        Assert.NotEmpty(tagHelpers);
        Assert.True(missing.Count == 0, "docs/tag-helpers.md lacks: " + string.Join(", ", missing));
    }

    /// <summary>An option's configuration key, and whether configuration can bind it.</summary>
    private sealed record OptionProperty(string Key, bool Bindable);

    // Walks the public instance properties of an options type, descending into the nested options types of this
    // library (CioOptions.Links and the rest). Internal members such as BindingErrors are not public, and constants
    // such as SectionName are fields, so neither is listed.
    private static IEnumerable<OptionProperty> OptionProperties(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod?.IsPublic != true)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            if (IsNestedOptions(property.PropertyType))
            {
                foreach (var nested in OptionProperties(property.PropertyType, key))
                {
                    yield return nested;
                }

                continue;
            }

            yield return new OptionProperty(key, IsBindable(property));
        }
    }

    private static bool IsNestedOptions(Type type) =>
        type.Assembly == Library && type.IsClass && !typeof(Delegate).IsAssignableFrom(type);

    // The configuration binder sets properties with a public setter, and fills get-only lists and dictionaries.
    // It cannot create a delegate.
    private static bool IsBindable(PropertyInfo property)
    {
        if (typeof(Delegate).IsAssignableFrom(property.PropertyType))
        {
            return false;
        }

        return property.SetMethod?.IsPublic == true || typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
    }

    // Matches the key as a whole: "Cio:Links:CookieName" is not found inside "Cio:Links:CookieNameX", but is found in
    // "Cio:Links:CookieName:0".
    private static bool MentionsKey(string text, string key) =>
        Regex.IsMatch(text, $@"(?<![\w:]){Regex.Escape(key)}(?!\w)");

    // A list or dictionary appears in configuration as child keys, such as Cio:ExcludedPaths:0.
    private static bool IsKeyOrChild(string configurationKey, string optionKey) =>
        configurationKey == optionKey || configurationKey.StartsWith(optionKey + ":", StringComparison.Ordinal);

    private static bool IsEventRow(string line, LoggerMessageAttribute entry) =>
        line.TrimStart().StartsWith('|') &&
        Regex.IsMatch(line, $@"\|\s*{entry.EventId}\s*\|") &&
        line.Contains($"`{entry.EventName}`", StringComparison.Ordinal) &&
        line.Contains(entry.Level.ToString(), StringComparison.Ordinal);

    private static IEnumerable<string> AttributeNames(Type tagHelper)
    {
        foreach (var property in tagHelper.GetProperties())
        {
            var attribute = property.GetCustomAttribute<HtmlAttributeNameAttribute>();
            if (attribute is null)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(attribute.Name))
            {
                yield return attribute.Name;
            }

            if (!string.IsNullOrEmpty(attribute.DictionaryAttributePrefix))
            {
                yield return attribute.DictionaryAttributePrefix;
            }
        }
    }

    // Returns the text from the first heading that contains the marker up to the next heading of the same or a
    // higher level, or null when no heading contains it.
    private static string? FindSection(string doc, string marker)
    {
        var lines = doc.Split('\n');
        var start = Array.FindIndex(
            lines, line => line.StartsWith('#') && line.Contains(marker, StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }

        var level = lines[start].TakeWhile(c => c == '#').Count();
        var end = start + 1;
        while (end < lines.Length && !IsHeadingAtOrAbove(lines[end], level))
        {
            end++;
        }

        return string.Join('\n', lines[start..end]);
    }

    private static bool IsHeadingAtOrAbove(string line, int level)
    {
        var hashes = line.TakeWhile(c => c == '#').Count();
        return hashes > 0 && hashes <= level && line.Length > hashes && line[hashes] == ' ';
    }

    private static string ReadCompleteJsonExample()
    {
        var section = FindSection(ReadDoc("configuration.md"), "Complete appsettings.json example");
        if (section is null)
        {
            Assert.Fail("docs/configuration.md has no heading \"Complete appsettings.json example\".");
        }

        var match = Regex.Match(section, @"```json\n(?<json>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "The complete appsettings.json example section has no ```json block.");
        return match.Groups["json"].Value;
    }

    private static List<string> ValidationFailures(IServiceProvider provider)
    {
        try
        {
            _ = provider.GetRequiredService<IOptions<CioOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
    }

    private static string ReadDoc(string name)
    {
        var path = Path.Combine(FindRepositoryRoot(), "docs", name);
        Assert.True(File.Exists(path), $"{path} does not exist.");
        return File.ReadAllText(path).ReplaceLineEndings("\n");
    }

    // The test runs from bin/<configuration>/<framework>, below the repository root that contains CioAspNet.sln.
    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CioAspNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above {AppContext.BaseDirectory} contains CioAspNet.sln, so docs/ cannot be found.");
    }
}
