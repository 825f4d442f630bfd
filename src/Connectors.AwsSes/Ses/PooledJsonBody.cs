using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// A request body serialized once, straight to UTF-8 into a buffer rented from the array pool,
/// with its SHA-256 computed once: every attempt of a call sends these bytes and gives the hash
/// to the signer (<c>x-amz-content-sha256</c>), which then does not hash the body again.
/// </summary>
/// <remarks>
/// The buffer goes back to the pool only through <see cref="Return"/>, which a caller calls once
/// no request can still be reading it (after a call that got its answer). A body that is never
/// returned is simply left to the garbage collector.
/// </remarks>
internal sealed class PooledJsonBody : IBufferWriter<byte>
{
    private const int InitialSize = 2048;

    // The serializer's own writers use SkipValidation too; non-ASCII text and HTML are written
    // unescaped, as the AWS SDKs do (see SesJsonContext.Wire).
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[] _buffer;
    private int _written;

    private PooledJsonBody()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        Sha256Hex = string.Empty;
    }

    /// <summary>Gets the serialized JSON.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _written);

    /// <summary>Gets the lower-case hex SHA-256 of <see cref="Memory"/>.</summary>
    public string Sha256Hex { get; private set; }

    /// <summary>Serializes <paramref name="value"/> with a source-generated <paramref name="typeInfo"/>.</summary>
    /// <remarks>
    /// Give a type info whose options set no <c>Encoder</c>, such as one of
    /// <see cref="SesJsonContext.Default"/>: the generated fast path is then used, and escaping is
    /// the writer's (relaxed) anyway.
    /// </remarks>
    public static PooledJsonBody Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var body = new PooledJsonBody();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(body, WriterOptions);
        }
        else
        {
            writer.Reset(body);
        }

        try
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        finally
        {
            // Keeps no reference to this body (nor to its buffer) in the thread's writer.
            writer.Reset(NullBufferWriter.Instance);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body.Memory.Span, hash);
        body.Sha256Hex = Convert.ToHexStringLower(hash);
        return body;
    }

    /// <summary>Gives the buffer back to the pool; the body must not be used afterwards.</summary>
    public void Return()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    void IBufferWriter<byte>.Advance(int count) => _written += count;

    // Reserve first, then read _buffer: Reserve may replace it with a larger array (and give the
    // old one back to the pool), so `_buffer.AsMemory(Reserve(...))` would slice the old one.
    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsMemory(start);
    }

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    private int Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _written;
    }

    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count) => throw new InvalidOperationException();

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException();

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException();
    }
}
