using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CioAspNet.Configuration;

/// <summary>
/// Binds <see cref="CioOptions"/> from a configuration section. A value that cannot be converted (such as
/// <c>Cio:Region=Asia</c>) does not throw here: each such value is recorded, the others are bound, and validation
/// reports them all with its own problems.
/// </summary>
internal sealed class CioOptionsSetup : IConfigureOptions<CioOptions>
{
    private readonly IConfiguration _section;

    public CioOptionsSetup(IConfiguration section)
    {
        _section = section;
    }

    public void Configure(CioOptions options)
    {
        try
        {
            _section.Bind(options);
        }
        catch (InvalidOperationException)
        {
            BindValueByValue(options);
        }
    }

    // The binder stops at the first bad value, so each value is tried alone to find every bad one.
    private void BindValueByValue(CioOptions options)
    {
        var prefix = _section is IConfigurationSection section ? section.Path : CioOptions.SectionName;
        var valid = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null)
            {
                continue;
            }

            try
            {
                new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build().Bind(new CioOptions());
                valid[key] = value;
            }
            catch (InvalidOperationException)
            {
                options.BindingErrors.Add($"{prefix}:{key} has the invalid value '{value}'. Correct it in configuration; " +
                    "docs/configuration.md lists the type and accepted values of every key.");
            }
        }

        new ConfigurationBuilder().AddInMemoryCollection(valid).Build().Bind(options);
    }
}
