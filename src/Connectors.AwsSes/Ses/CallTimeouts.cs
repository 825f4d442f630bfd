using Connectors.AwsSes.Configuration;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// The time limits of one SES call on a single token source: the caller's token, the call's
/// overall <see cref="AwsSesClientOptions.Timeout"/> and the current attempt's
/// <see cref="AwsSesClientOptions.AttemptTimeout"/> all cancel the same token, whichever comes
/// first. A call answered at the first attempt so costs one source and one timer, not two timed
/// sources and two linked ones.
/// </summary>
/// <remarks>Not thread-safe: one instance serves one call, whose attempts run one after the other.</remarks>
internal sealed class CallTimeouts : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly long _started;
    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _callerRegistration;
    private bool _armedForDeadline;

    public CallTimeouts(TimeProvider time, AwsSesClientOptions options, CancellationToken caller)
    {
        _time = time;
        _caller = caller;
        _timeout = options.Timeout;
        _attemptTimeout = options.AttemptTimeout;
        _started = time.GetTimestamp();
    }

    /// <summary>Gets whether the token was cancelled by the call's overall timeout.</summary>
    public bool DeadlinePassed => IsTimedOut && _armedForDeadline;

    /// <summary>Gets whether the token was cancelled by the attempt's own timeout (the call may go on).</summary>
    public bool AttemptTimedOut => IsTimedOut && !_armedForDeadline;

    private bool IsTimedOut => _source is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    /// <summary>Arms the limit of the next attempt: its own timeout, or what is left of the call's when that is sooner.</summary>
    /// <returns>The token the attempt runs with.</returns>
    public CancellationToken StartAttempt() => Arm(_attemptTimeout);

    /// <summary>Arms the limit of a back-off wait: what is left of the call's timeout.</summary>
    /// <returns>The token the wait runs with.</returns>
    public CancellationToken StartBackoff() => Arm(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _source?.Dispose();
    }

    private CancellationToken Arm(TimeSpan limit)
    {
        var remaining = _timeout - _time.GetElapsedTime(_started);
        _armedForDeadline = limit == Timeout.InfiniteTimeSpan || remaining <= limit;
        var due = _armedForDeadline ? remaining : limit;
        if (due <= TimeSpan.Zero)
        {
            due = TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond); // Passed already: cancel at once, as a timer would.
        }

        if (_source is null || _source.IsCancellationRequested)
        {
            // The first attempt, or the one after an attempt timeout: a cancelled source cannot be re-armed.
            _callerRegistration.Dispose();
            _source?.Dispose();
            _source = new CancellationTokenSource(due, _time);
            if (_caller.CanBeCanceled)
            {
                _callerRegistration = _caller.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
            }
        }
        else
        {
            _source.CancelAfter(due);
        }

        return _source.Token;
    }
}
