using System.Buffers;
using System.IO.Pipelines;
using CioAspNet.Rewriting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CioAspNet.Middleware;

/// <summary>
/// The response body while <see cref="CioMiddleware"/> runs. Every way of writing the body (the stream, the
/// pipe writer, <c>SendFileAsync</c>) goes through it. On the first write it decides whether the response is
/// an HTML page; if it is, the bytes stream through <see cref="HtmlRewriter"/> to the original body, else they
/// go to the original body untouched.
/// </summary>
internal sealed partial class CioResponseBody : Stream, IHttpResponseBodyFeature
{
    private const int SendFileBufferSize = 16 * 1024;

    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly Func<SkipReason> _checkTracking;
    private readonly Func<HtmlRewriter> _createRewriter;
    private PipeWriter? _writer;
    private HtmlRewriter? _rewriter;
    private bool _decided;
    private bool _finished;

    /// <param name="context">The request.</param>
    /// <param name="inner">The original body, which receives every byte.</param>
    /// <param name="checkTracking">Returns why this person must not be tracked, or <see cref="SkipReason.None"/>.</param>
    /// <param name="createRewriter">Creates the rewriter once the response is known to be an HTML page.</param>
    public CioResponseBody(
        HttpContext context, IHttpResponseBodyFeature inner, Func<SkipReason> checkTracking, Func<HtmlRewriter> createRewriter)
    {
        _context = context;
        _inner = inner;
        _checkTracking = checkTracking;
        _createRewriter = createRewriter;
    }

    /// <summary>The reason the response was not rewritten, once the first write has decided it.</summary>
    public SkipReason SkipReason { get; private set; }

    /// <summary>The rewriter, when the response is rewritten.</summary>
    public HtmlRewriter? Rewriter => _rewriter;

    Stream IHttpResponseBodyFeature.Stream => this;

    PipeWriter IHttpResponseBodyFeature.Writer =>
        _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(minimumBufferSize: 4096, leaveOpen: true));

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Decide();
        return _inner.StartAsync(cancellationToken);
    }

    public async Task CompleteAsync()
    {
        await FinishAsync();
        await _inner.CompleteAsync();
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        Decide();
        return _rewriter is null
            ? _inner.SendFileAsync(path, offset, count, cancellationToken)
            : SendFileThroughRewriterAsync(path, offset, count, cancellationToken);
    }

    /// <summary>
    /// Flushes what the app left in the pipe writer and what the rewriter holds back. Runs once, when the app
    /// is done with the response.
    /// </summary>
    public async Task FinishAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_writer is not null)
        {
            await _writer.CompleteAsync();
        }

        if (_rewriter is not null)
        {
            _rewriter.Complete(_inner.Writer);
            await _inner.Writer.FlushAsync(_context.RequestAborted);
        }
    }

    private void Decide()
    {
        if (_decided)
        {
            return;
        }

        _decided = true;
        SkipReason = HtmlResponsePolicy.GetSkipReason(_context);
        if (SkipReason == SkipReason.None)
        {
            SkipReason = _checkTracking();
        }

        if (SkipReason != SkipReason.None)
        {
            return;
        }

        // The inserted bytes change the length, the entity and the byte offsets, and the rewriter streams.
        var headers = _context.Response.Headers;
        _context.Response.ContentLength = null;
        headers.ETag = default;
        headers.AcceptRanges = default;
        _rewriter = _createRewriter();
    }

    private async Task SendFileThroughRewriterAsync(
        string path, long offset, long? count, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SendFileBufferSize);
        try
        {
            await using var file = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.Asynchronous);
            file.Seek(offset, SeekOrigin.Begin);
            var remaining = count ?? long.MaxValue;
            while (remaining > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                remaining -= read;
                await WriteThroughRewriterAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ValueTask<FlushResult> WriteThroughRewriterAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        _rewriter!.Write(buffer.Span, _inner.Writer);
        return _inner.Writer.FlushAsync(cancellationToken);
    }
}
