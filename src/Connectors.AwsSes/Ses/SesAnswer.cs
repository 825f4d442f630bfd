using System.Buffers;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// An SES answer with its body read once, straight from the connection into a buffer rented
/// from the array pool (no intermediate buffering, no copy). Disposing it returns the buffer
/// and disposes the response.
/// </summary>
internal readonly struct SesAnswer : IDisposable
{
    private const int DefaultBufferSize = 1024;

    private readonly byte[] _buffer;
    private readonly int _length;

    private SesAnswer(HttpResponseMessage response, byte[] buffer, int length, int attempts)
    {
        Response = response;
        _buffer = buffer;
        _length = length;
        Attempts = attempts;
    }

    public HttpResponseMessage Response { get; }

    /// <summary>Gets the attempt (1-based) that got this answer.</summary>
    public int Attempts { get; }

    public ReadOnlySpan<byte> Body => _buffer.AsSpan(0, _length);

    /// <summary>Gets SES's request id; read from the headers only when asked for (errors).</summary>
    public string? RequestId => SesError.RequestIdOf(Response);

    /// <summary>Reads the whole body of <paramref name="response"/>; on failure the response is disposed.</summary>
    public static async Task<SesAnswer> ReadAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        // One byte more than announced, so the read that sees the end needs no larger buffer.
        var announced = response.Content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(announced is >= 0 and < int.MaxValue ? (int)announced + 1 : DefaultBufferSize);
        var length = 0;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            response.Dispose();
            throw;
        }

        return new SesAnswer(response, buffer, length, attempts);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        Response.Dispose();
    }
}
