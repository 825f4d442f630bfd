using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Cli;

/// <summary>
/// Where a command's results and failures go. In JSON mode stdout receives exactly one JSON
/// document and stderr nothing; otherwise results are human text on stdout and errors on stderr.
/// Each failure method returns the exit code that goes with it.
/// </summary>
internal sealed class CliOutput
{
    /// <summary>The error code of a usage error; not a Logto code, so it cannot be mistaken for one.</summary>
    public const string UsageCode = "usage";

    /// <summary>The error code of a run canceled by Ctrl+C.</summary>
    public const string CanceledCode = "canceled";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is read by tools and people, never embedded in HTML: keep '<', '&', "'" and non-ASCII as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public CliOutput(TextWriter stdout, TextWriter stderr, bool json)
    {
        _stdout = stdout;
        _stderr = stderr;
        IsJson = json;
    }

    /// <summary>Gets whether <c>--json</c> was given.</summary>
    public bool IsJson { get; }

    /// <summary>Writes one JSON document, built by <paramref name="write"/>, and a line break to stdout.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        WriteJsonText(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Writes one already serialized JSON document and a line break to stdout.</summary>
    public void WriteJsonText(string json)
    {
        _stdout.Write(json);
        _stdout.Write('\n');
        _stdout.Flush();
    }

    /// <summary>Writes a line of human-readable output to stdout.</summary>
    public void WriteLine(string text = "")
    {
        _stdout.Write(text);
        _stdout.Write('\n');
    }

    /// <summary>Reports a connector error.</summary>
    /// <returns><see cref="ExitCodes.ConnectorError"/>.</returns>
    public int Fail(ConnectorError error) =>
        Fail(ExitCodes.ConnectorError, error.CodeString, error.Message, error.ServiceErrorType, error.RequestId, hint: null);

    /// <summary>Reports bad usage, with a hint pointing to the right syntax.</summary>
    /// <returns><see cref="ExitCodes.Usage"/>.</returns>
    public int FailUsage(string message, string hint) =>
        Fail(ExitCodes.Usage, UsageCode, message, null, null, hint);

    /// <summary>Reports a run canceled by Ctrl+C.</summary>
    /// <returns><see cref="ExitCodes.Canceled"/>.</returns>
    public int FailCanceled() =>
        Fail(ExitCodes.Canceled, CanceledCode, "Canceled.", null, null, hint: null);

    /// <summary>Reports a failure that is not a <see cref="ConnectorError"/> (a bug): <c>general</c>, never a stack trace.</summary>
    /// <returns><see cref="ExitCodes.ConnectorError"/>.</returns>
    public int FailUnexpected(Exception exception) =>
        Fail(ExitCodes.ConnectorError, ConnectorErrorCode.General.ToWireString(), $"Unexpected {exception.GetType().Name}: {exception.Message}", null, null, hint: null);

    private int Fail(int exitCode, string code, string message, string? awsErrorType, string? requestId, string? hint)
    {
        if (IsJson)
        {
            WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("code", code);
                writer.WriteString("message", message);
                if (awsErrorType is not null)
                {
                    writer.WriteString("awsErrorType", awsErrorType);
                }

                if (requestId is not null)
                {
                    writer.WriteString("requestId", requestId);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            return exitCode;
        }

        _stdout.Flush();
        _stderr.Write($"error ({code}): {message}\n");
        if (awsErrorType is not null)
        {
            _stderr.Write($"  AWS error type: {awsErrorType}\n");
        }

        if (requestId is not null)
        {
            _stderr.Write($"  AWS request id: {requestId}\n");
        }

        if (hint is not null)
        {
            _stderr.Write(hint);
            _stderr.Write('\n');
        }

        _stderr.Flush();
        return exitCode;
    }
}
