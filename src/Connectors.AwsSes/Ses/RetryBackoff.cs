using Connectors.AwsSes.Configuration;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// The AWS SDKs' standard-mode back-off: full jitter, <c>rand(0,1) * min(base * 2^(attempt-1), cap)</c>,
/// with a 1 s base after throttling and 50 ms otherwise (both configurable).
/// </summary>
internal static class RetryBackoff
{
    /// <summary>Computes the delay before the attempt after <paramref name="attempt"/> (1-based).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="kind">The kind of the failure.</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Compute(AwsSesClientOptions options, SesErrorKind kind, int attempt, double random)
    {
        var baseDelay = kind == SesErrorKind.Throttling ? options.ThrottlingBaseDelay : options.TransientBaseDelay;
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(random * capped);
    }

    /// <summary>Reads <c>x-amz-retry-after</c> (milliseconds), which wins over the computed back-off when present.</summary>
    public static TimeSpan? FromRetryAfterHeader(HttpResponseMessage response, AwsSesClientOptions options)
    {
        if (response.Headers.TryGetValues("x-amz-retry-after", out var values)
            && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Min(milliseconds, options.MaxBackoff.TotalMilliseconds));
        }

        return null;
    }
}
