using Microsoft.AspNetCore.Http;

namespace CioAspNet;

/// <summary>Returns the Customer.io cio_id of the person making a request, when one is known.</summary>
public interface ICioIdAccessor
{
    /// <summary>
    /// Returns the signed-in principal's cio_id claim (<see cref="CioLinksOptions.ClaimType"/>), else the request's
    /// valid <c>_cio_id</c> query value, else the value remembered in the cookie; or null when none is valid.
    /// </summary>
    string? GetCioId(HttpContext context);
}
