using Connectors.AwsSes;
using Connectors.AwsSes.HealthChecks;
using Connectors.Kit.Connectors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the AWS SES account health check.</summary>
public static class AwsSesHealthChecksBuilderExtensions
{
    /// <summary>Adds a health check of the SES account of an AWS SES connector.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="instanceName">The connector instance whose config is checked.</param>
    /// <param name="degradedQuotaRatio">The share of the daily quota from which the check is degraded.</param>
    /// <param name="name">The health check's name.</param>
    /// <param name="tags">The health check's tags.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degradedQuotaRatio"/> is not in (0, 1].</exception>
    public static IHealthChecksBuilder AddAwsSes(
        this IHealthChecksBuilder builder,
        string instanceName = AwsSesDefaults.DefaultInstanceName,
        double degradedQuotaRatio = 0.9,
        string name = "aws-ses",
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        if (degradedQuotaRatio is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degradedQuotaRatio), degradedQuotaRatio, "The ratio must be greater than 0 and at most 1.");
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new AwsSesHealthCheck((AwsSesConnector)sp.GetRequiredKeyedService<IEmailConnector>(instanceName), degradedQuotaRatio),
            failureStatus: HealthStatus.Unhealthy,
            tags));
    }
}
