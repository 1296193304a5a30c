using CioAspNet.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Configuration;

/// <summary>
/// Reads the current options, and turns an invalid reload into "off" with one error log per distinct failure. A
/// failure is logged again after the options were valid in between.
/// </summary>
internal static class CioOptionsAccess
{
    // NOTE: one value per process, so two apps in one process that fail with the same message log it once.
    private static string? _lastFailure;

    public static CioOptions? TryGetCurrent(IOptionsMonitor<CioOptions> monitor, ILogger logger)
    {
        try
        {
            var options = monitor.CurrentValue;
            if (Volatile.Read(ref _lastFailure) is not null)
            {
                Volatile.Write(ref _lastFailure, null);
            }

            return options;
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
