namespace CioAspNet;

/// <summary>
/// Turns CioAspNet off for a controller, an action, a Razor Page or, through endpoint metadata, any endpoint:
/// its responses get no loader, no calls and no link rewriting.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class CioDisabledAttribute : Attribute
{
}
