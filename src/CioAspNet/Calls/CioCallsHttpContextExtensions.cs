using CioAspNet;
using CioAspNet.Calls;

namespace Microsoft.AspNetCore.Http;

/// <summary>Returns the request's Customer.io calls from an <see cref="HttpContext"/>.</summary>
public static class CioCallsHttpContextExtensions
{
    /// <summary>Returns the request's call queue, the same instance that DI injects as <see cref="ICioCalls"/>.</summary>
    /// <exception cref="InvalidOperationException">AddCio() was not called.</exception>
    public static ICioCalls GetCioCalls(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CioCallQueue.Get(context);
    }
}
