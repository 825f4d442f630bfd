using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Connectors.AwsSes.Diagnostics;

/// <summary>
/// The connector's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named
/// <c>Connectors.AwsSes</c>; add that name to OpenTelemetry's tracing and metrics.
/// </summary>
public static class AwsSesTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Connectors.AwsSes";

    /// <summary>The activity of one <c>SendMessageAsync</c> call.</summary>
    public const string SendActivityName = "AwsSes.SendMessage";

    /// <summary>The counter of emails sent successfully (tag <c>connector.usage_type</c>).</summary>
    public const string SendsMetric = "connectors.aws_ses.sends";

    /// <summary>The counter of failed sends (tags <c>connector.usage_type</c>, <c>error.code</c>, <c>aws.error_type</c>).</summary>
    public const string FailuresMetric = "connectors.aws_ses.failures";

    /// <summary>The counter of retried SES calls (tags <c>rpc.method</c>, <c>retry.reason</c>).</summary>
    public const string RetriesMetric = "connectors.aws_ses.retries";

    /// <summary>The histogram of send durations in seconds (tags <c>connector.usage_type</c>, <c>outcome</c>).</summary>
    public const string DurationMetric = "connectors.aws_ses.send.duration";

    private static readonly string? Version = typeof(AwsSesTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static ActivitySource ActivitySource { get; } = new(Name, Version);

    internal static Meter Meter { get; } = new(Name, Version);

    internal static Counter<long> Sends { get; } = Meter.CreateCounter<long>(SendsMetric, "{email}", "Emails SES accepted.");

    internal static Counter<long> Failures { get; } = Meter.CreateCounter<long>(FailuresMetric, "{email}", "Sends that ended in a ConnectorError.");

    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>(RetriesMetric, "{retry}", "SES calls retried after a transient failure.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(DurationMetric, "s", "Duration of SendMessageAsync, retries included.");
}
