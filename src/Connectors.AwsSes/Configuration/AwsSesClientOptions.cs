using System.ComponentModel.DataAnnotations;

namespace Connectors.AwsSes.Configuration;

/// <summary>
/// How the connector talks to SES: attempts, timeouts and back-off. These are process settings,
/// shared by every tenant's config, and default to the AWS SDKs' standard retry mode.
/// </summary>
public sealed class AwsSesClientOptions
{
    /// <summary>Gets or sets the number of attempts per call, the first included.</summary>
    /// <value>3, as the AWS SDKs' standard mode.</value>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets how long one attempt may take before it is abandoned and retried.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long a call may take in all, attempts and back-off included.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the back-off base after a throttling error (429, <c>TooManyRequestsException</c>).</summary>
    /// <value>1 second.</value>
    public TimeSpan ThrottlingBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the back-off base after other transient errors (5xx, timeouts, connection failures).</summary>
    /// <value>50 milliseconds.</value>
    public TimeSpan TransientBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets the longest back-off between two attempts.</summary>
    /// <value>20 seconds.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Returns the first problem with these settings, or <see langword="null"/>.</summary>
    internal string? FindProblem()
    {
        if (MaxAttempts is < 1 or > 10)
        {
            return "'MaxAttempts' must be between 1 and 10.";
        }

        if (AttemptTimeout <= TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            return "'AttemptTimeout' and 'Timeout' must be positive.";
        }

        if (ThrottlingBaseDelay < TimeSpan.Zero || TransientBaseDelay < TimeSpan.Zero || MaxBackoff < TimeSpan.Zero)
        {
            return "'ThrottlingBaseDelay', 'TransientBaseDelay' and 'MaxBackoff' must not be negative.";
        }

        return null;
    }
}
