using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;

namespace CioAspNet.Middleware;

// The Stream half of CioResponseBody: a write-only stream that forwards to the original body, or through
// the rewriter once the response is known to be an HTML page.
internal sealed partial class CioResponseBody
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        Decide();
        if (_rewriter is null)
        {
            await _inner.Stream.FlushAsync(cancellationToken);
            return;
        }

        await _inner.Writer.FlushAsync(cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Decide();
        if (_rewriter is null)
        {
            _inner.Stream.Write(buffer);
            return;
        }

        if (_context.Features.Get<IHttpBodyControlFeature>()?.AllowSynchronousIO != true)
        {
            throw new InvalidOperationException(
                "Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
        }

        _rewriter.Write(buffer, _inner.Writer);
        _inner.Writer.FlushAsync().AsTask().GetAwaiter().GetResult();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Decide();
        if (_rewriter is null)
        {
            return _inner.Stream.WriteAsync(buffer, cancellationToken);
        }

        var flush = WriteThroughRewriterAsync(buffer, cancellationToken);
        return flush.IsCompletedSuccessfully ? default : AwaitFlushAsync(flush);
    }

    // Perf: pooled state machines, so a write that waits for the client allocates nothing.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitFlushAsync(ValueTask<FlushResult> flush) => await flush;

    public override IAsyncResult BeginWrite(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        TaskToAsyncResult.Begin(WriteAsync(buffer, offset, count, CancellationToken.None), callback, state);

    public override void EndWrite(IAsyncResult asyncResult) => TaskToAsyncResult.End(asyncResult);
}
