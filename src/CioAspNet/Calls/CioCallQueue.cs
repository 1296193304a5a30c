using CioAspNet.Configuration;
using CioAspNet.Logging;
using CioAspNet.Middleware;
using CioAspNet.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Calls;

/// <summary>
/// The calls of one request, kept as a request feature: those queued during the request, and those carried over
/// from a redirect in the carry-over cookie. The delivery half decides where they go when the response starts.
/// </summary>
internal sealed partial class CioCallQueue : ICioCalls
{
    private readonly HttpContext _context;
    private readonly CioOptions? _options;
    private readonly CarryOverCookie _cookie;
    private readonly ILogger _logger;
    private readonly List<CioCall> _calls = [];
    private CarryOverCookie.ReadResult? _carried;
    private bool _privateWarned;

    private CioCallQueue(HttpContext context, CioOptions? options, CarryOverCookie cookie, ILogger logger)
    {
        _context = context;
        _options = options;
        _cookie = cookie;
        _logger = logger;
    }

    /// <summary>
    /// Whether the package is on and may track the person making this request (see <see cref="TrackingGate"/>);
    /// when it is not, queued calls are ignored.
    /// </summary>
    public bool Enabled =>
        _options is { Enabled: true } options && TrackingGate.GetBlockReason(_context, options) == SkipReason.None;

    public IReadOnlyList<CioCall> Queued => _calls;

    /// <summary>The calls that the request's carry-over cookie holds; empty when it has none or it is invalid.</summary>
    public IReadOnlyList<CioCall> Carried => ReadCarried().Calls;

    private string Path => _context.Request.Path.Value ?? "/";

    /// <exception cref="InvalidOperationException">AddCio() was not called.</exception>
    public static CioCallQueue Get(HttpContext context)
    {
        if (context.Features.Get<CioCallQueue>() is { } existing)
        {
            return existing;
        }

        var services = context.RequestServices;
        var cookie = services?.GetService<CarryOverCookie>() ?? throw new InvalidOperationException(
            "CioAspNet's services are not registered. Call builder.Services.AddCio() in start-up.");
        var logger = services.GetRequiredService<ILogger<CioCallQueue>>();
        var options = context.Features.Get<CioPageFeature>()?.Options
            ?? CioOptionsAccess.TryGetCurrent(services.GetRequiredService<IOptionsMonitor<CioOptions>>(), logger);
        var queue = new CioCallQueue(context, options, cookie, logger);
        context.Features.Set(queue);
        return queue;
    }

    /// <inheritdoc />
    public void Identify(string identifier, object? attributes = null)
    {
        if (Enabled)
        {
            Enqueue(CreateFactory().CreateIdentify(identifier, attributes, _options!.Identify.Identifier));
        }
    }

    /// <inheritdoc />
    public void Track(string name, object? data = null, bool? useArrayParams = null)
    {
        if (Enabled)
        {
            Enqueue(CreateFactory().CreateTrack(name, data, useArrayParams));
        }
    }

    /// <inheritdoc />
    public void Page(string? name = null, object? data = null)
    {
        if (Enabled)
        {
            Enqueue(CreateFactory().CreatePage(name, data));
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        // Two resets in a row forget no more than one, for example when two schemes share sign-out events.
        if (Enabled && (_calls.Count == 0 || !_calls[^1].IsReset))
        {
            Enqueue(CioCallFactory.CreateReset());
        }
    }

    /// <summary>Adds a call that is already built; a null call, one that broke a limit, is skipped.</summary>
    public void Enqueue(CioCall? call)
    {
        if (call is null)
        {
            return;
        }

        if (_state == DeliveryState.Closed || (_state == DeliveryState.Open && _context.Response.HasStarted))
        {
            Log.CallQueuedTooLate(_logger, call.Describe(), Path);
            return;
        }

        _calls.Add(call);
        MarkPrivate();
    }

    public CioCallFactory CreateFactory() => new(_logger, Path);

    private void MarkPrivate()
    {
        var started = _context.Response.HasStarted;
        PrivateResponse.Mark(_context);
        if (started && !_privateWarned)
        {
            _privateWarned = true;
            Log.CacheHeadersNotSet(_logger, Path);
        }
    }

    private CarryOverCookie.ReadResult ReadCarried() =>
        _carried ??= Enabled ? _cookie.Read(_context, _options!.Calls.CookieName, _logger) : CarryOverCookie.ReadResult.None;
}
