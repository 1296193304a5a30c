using CioAspNet.Calls;
using CioAspNet.Configuration;
using CioAspNet.Links;
using CioAspNet.Logging;
using CioAspNet.Privacy;
using CioAspNet.Rewriting;
using CioAspNet.Snippet;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CioAspNet.Middleware;

/// <summary>
/// Inserts the Customer.io loader and the request's calls before the <c>&lt;/body&gt;</c> end tag of every HTML
/// page. It reads the current options, skips requests that cannot carry a page, and hands the body to <see cref="CioResponseBody"/>.
/// </summary>
internal sealed class CioMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IOptionsMonitor<CioOptions> _options;
    private readonly CioLoaderCache _loaders;
    private readonly DomainAllowListCache _allowLists;
    private readonly ICioIdAccessor _cioIds;
    private readonly ILogger _logger;
    private int _compressionWarned;
    private int _consentWarned;

    public CioMiddleware(
        RequestDelegate next,
        IOptionsMonitor<CioOptions> options,
        CioLoaderCache loaders,
        DomainAllowListCache allowLists,
        ICioIdAccessor cioIds,
        ILogger<CioMiddleware> logger)
    {
        _next = next;
        _options = options;
        _loaders = loaders;
        _allowLists = allowLists;
        _cioIds = cioIds;
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var options = CioOptionsAccess.TryGetCurrent(_options, _logger);
        if (options is null || !options.Enabled || context.Features.Get<CioPageFeature>() is not null)
        {
            return _next(context);
        }

        // Registered before the exclusion check, so that a redirect from an excluded path still carries its calls.
        context.Response.OnStarting(OnResponseStarting, context);
        if (PathExclusion.IsExcluded(context.Request.Path, options.ExcludedPaths))
        {
            Log.ResponseSkipped(_logger, context.Request.Path, "the path is excluded by Cio:ExcludedPaths");
            return _next(context);
        }

        CioIdCapture.Capture(context, options, _logger);
        return InvokeWithRewriterAsync(context, options);
    }

    private async Task InvokeWithRewriterAsync(HttpContext context, CioOptions options)
    {
        var page = new CioPageFeature(options, _loaders.Get(options));
        context.Features.Set(page);
        var inner = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var body = new CioResponseBody(
            context, inner, () => TrackingGate.GetBlockReason(context, options), () => CreateRewriter(context, page));
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await _next(context);
            await body.FinishAsync();
        }
        finally
        {
            context.Features.Set(inner);
        }

        LogOutcome(context, body);
    }

    private static Task OnResponseStarting(object state)
    {
        ((HttpContext)state).Features.Get<CioCallQueue>()?.OnResponseStarting();
        return Task.CompletedTask;
    }

    // Runs at the first write of a page that is rewritten, before the response starts, so headers can still change.
    private HtmlRewriter CreateRewriter(HttpContext context, CioPageFeature page)
    {
        var queue = CioCallQueue.Get(context);
        queue.BeginPage();
        var content = new CioPageContent(page.Loader, context, page.Options, queue);
        var allowList = _allowLists.Get(page.Options);
        var cioId = allowList.IsEmpty ? null : _cioIds.GetCioId(context);
        if (cioId is null)
        {
            return new HtmlRewriter(content);
        }

        PrivateResponse.Mark(context);
        var utf8 = HtmlResponsePolicy.IsUtf8(context.Response.ContentType);
        return new HtmlRewriter(content, new LinkTagWriter(allowList, cioId, utf8));
    }

    private void LogOutcome(HttpContext context, CioResponseBody body)
    {
        var path = context.Request.Path.Value ?? "/";
        var rewriter = body.Rewriter;
        if (rewriter is null)
        {
            LogSkipped(context, body.SkipReason, path);
            return;
        }

        context.Features.Get<CioCallQueue>()?.CompletePage(rewriter.Inserted);

        if (rewriter.RewrittenLinks > 0)
        {
            Log.LinksRewritten(_logger, path, rewriter.RewrittenLinks);
        }

        if (rewriter.AbandonedTags > 0)
        {
            Log.TagsTooLong(_logger, path, rewriter.AbandonedTags, HtmlTokenizer.MaxHeldTagBytes);
        }

        if (!rewriter.Inserted)
        {
            Log.BodyEndTagNotFound(_logger, path);
        }
        else if (rewriter.LoaderPresent)
        {
            Log.LoaderAlreadyPresent(_logger, path);
        }
        else
        {
            Log.SnippetInserted(_logger, path);
        }
    }

    private void LogSkipped(HttpContext context, SkipReason reason, string path)
    {
        if (reason == SkipReason.None)
        {
            // The app wrote no body, so there was nothing to decide.
            return;
        }

        if (reason == SkipReason.ContentEncoded && Interlocked.Exchange(ref _compressionWarned, 1) == 0)
        {
            Log.CompressedResponse(_logger, path, context.Response.Headers.ContentEncoding.ToString());
            return;
        }

        if (reason == SkipReason.ConsentFeatureMissing && Interlocked.Exchange(ref _consentWarned, 1) == 0)
        {
            Log.ConsentFeatureMissing(_logger, path);
            return;
        }

        Log.ResponseSkipped(_logger, path, reason.Describe());
    }
}
