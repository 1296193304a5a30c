using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CioAspNet;

/// <summary>
/// Describes the signed-in person for <c>&lt;cio-identify /&gt;</c>. The default,
/// <see cref="CioClaimsIdentityResolver"/>, reads claims as <c>Cio:Identify</c> configures; register another
/// implementation in DI to replace it, for example to read <c>created_at</c> from a database.
/// </summary>
public interface ICioIdentityResolver
{
    /// <summary>
    /// Describes <paramref name="principal"/>, which is authenticated, or returns <see langword="null"/> to emit no
    /// identify call. It is not called for anonymous requests.
    /// </summary>
    ValueTask<CioIdentity?> ResolveAsync(ClaimsPrincipal principal, HttpContext context);
}
