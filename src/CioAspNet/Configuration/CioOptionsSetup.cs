using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CioAspNet.Configuration;

/// <summary>
/// Binds <see cref="CioOptions"/> from a configuration section. A value that cannot be converted (such as
/// <c>Cio:Region=Asia</c>) does not throw here: validation reports it with the other problems.
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
        catch (InvalidOperationException ex)
        {
            options.BindingErrors.Add(ex.Message + " Correct the value in configuration; the options table of the " +
                "README lists the accepted values.");
        }
    }
}
