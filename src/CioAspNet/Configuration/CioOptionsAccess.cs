using CioAspNet.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Configuration;

/// <summary>Reads the current options, and turns an invalid reload into "off" with one error log.</summary>
internal static class CioOptionsAccess
{
    private static string? _lastFailure;

    public static CioOptions? TryGetCurrent(IOptionsMonitor<CioOptions> monitor, ILogger logger)
    {
        try
        {
            return monitor.CurrentValue;
        }
        catch (OptionsValidationException ex)
        {
            if (!string.Equals(Interlocked.Exchange(ref _lastFailure, ex.Message), ex.Message, StringComparison.Ordinal))
            {
                Log.InvalidOptionsAfterReload(logger, ex.Message);
            }

            return null;
        }
    }
}
