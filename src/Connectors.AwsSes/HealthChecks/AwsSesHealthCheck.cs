using System.Globalization;
using Connectors.Kit.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connectors.AwsSes.HealthChecks;

/// <summary>
/// Reports the SES account behind a connector from SES v2 <c>GetAccount</c>: unhealthy when
/// sending is disabled, the account is under enforcement or SES cannot be asked; degraded when
/// the emails sent in the last 24 hours reach <see cref="DegradedQuotaRatio"/> of the daily quota.
/// </summary>
internal sealed class AwsSesHealthCheck(AwsSesConnector connector, double degradedQuotaRatio) : IHealthCheck
{
    public double DegradedQuotaRatio { get; } = degradedQuotaRatio;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Ses.Model.GetAccountResponse account;
        try
        {
            account = await connector.GetAccountAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorError error)
        {
            return HealthCheckResult.Unhealthy($"SES GetAccount failed ({error.CodeString}): {error.Message}", error, new Dictionary<string, object>
            {
                ["errorCode"] = error.CodeString,
                ["awsErrorType"] = error.ServiceErrorType ?? string.Empty,
            });
        }

        var max = account.SendQuota?.Max24HourSend;
        var sent = account.SendQuota?.SentLast24Hours;
        var data = new Dictionary<string, object>
        {
            ["sendingEnabled"] = account.SendingEnabled ?? false,
            ["enforcementStatus"] = account.EnforcementStatus ?? string.Empty,
            ["productionAccessEnabled"] = account.ProductionAccessEnabled ?? false,
            ["max24HourSend"] = max ?? 0,
            ["sentLast24Hours"] = sent ?? 0,
            ["maxSendRate"] = account.SendQuota?.MaxSendRate ?? 0,
        };

        if (account.SendingEnabled != true)
        {
            return HealthCheckResult.Unhealthy("SES sending is disabled for this account.", data: data);
        }

        if (account.EnforcementStatus is { } status && !string.Equals(status, "HEALTHY", StringComparison.OrdinalIgnoreCase))
        {
            return HealthCheckResult.Unhealthy($"The SES account is under enforcement ({status}).", data: data);
        }

        // A negative quota (-1) means unlimited.
        if (max is > 0 && sent is { } used && used >= max.Value * DegradedQuotaRatio)
        {
            return HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"SES has sent {used:0} of its {max.Value:0} daily quota."), data: data);
        }

        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"SES sending is enabled; {sent ?? 0:0} of {max ?? 0:0} sent in the last 24 hours."), data);
    }
}
