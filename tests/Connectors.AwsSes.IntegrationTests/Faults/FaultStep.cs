namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>What the <see cref="FaultInjectingServer"/> does with one request.</summary>
public enum FaultAction
{
    /// <summary>Send <see cref="FaultStep.Response"/>, or the server's default response when it is null, and keep the connection.</summary>
    Respond,

    /// <summary>Abort the connection with a TCP RST (linger on, timeout 0, then close); no response byte is sent.</summary>
    ResetConnection,

    /// <summary>Send bytes that are not an HTTP response, then close the connection.</summary>
    Garbage,

    /// <summary>Close the connection gracefully (FIN) without a response, as a server closing an idle keep-alive connection does.</summary>
    CloseConnection,
}

/// <summary>One scripted reaction of the <see cref="FaultInjectingServer"/>: it applies to the next request received.</summary>
public sealed record FaultStep
{
    private FaultStep(FaultAction action, FaultResponse? response, TimeSpan delay)
    {
        if (delay != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        }

        Action = action;
        Response = response;
        DelayBefore = delay;
    }

    public FaultAction Action { get; }

    /// <summary>The response to send for <see cref="FaultAction.Respond"/>; null for the server's default response.</summary>
    public FaultResponse? Response { get; }

    /// <summary>How long the server waits, after reading the request, before acting; <see cref="Timeout.InfiniteTimeSpan"/>: until the client gives up or the server stops.</summary>
    public TimeSpan DelayBefore { get; }

    public static FaultStep Respond(FaultResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(FaultAction.Respond, response, TimeSpan.Zero);
    }

    public static FaultStep Respond(int statusCode, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        Respond(new FaultResponse(statusCode, headers, body));

    /// <summary>Waits <paramref name="delay"/>, then sends <paramref name="then"/> (null: the default response).</summary>
    public static FaultStep Delay(TimeSpan delay, FaultResponse? then = null) => new(FaultAction.Respond, then, delay);

    public static FaultStep ResetConnection() => new(FaultAction.ResetConnection, null, TimeSpan.Zero);

    public static FaultStep Garbage() => new(FaultAction.Garbage, null, TimeSpan.Zero);

    public static FaultStep CloseConnection() => new(FaultAction.CloseConnection, null, TimeSpan.Zero);

    /// <summary>The same step, taken after waiting <paramref name="delay"/> (e.g. a reset after 2 s).</summary>
    public FaultStep After(TimeSpan delay) => new(Action, Response, delay);
}
