using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;

namespace Connectors.AwsSes.Tests.HealthChecks;

public sealed class AwsSesHealthCheckTests
{
    [Theory]
    [InlineData(true, "HEALTHY", 10, 200, HealthStatus.Healthy, "SES sending is enabled; 10 of 200 sent in the last 24 hours.")]
    [InlineData(true, "HEALTHY", 180, 200, HealthStatus.Degraded, "SES has sent 180 of its 200 daily quota.")]
    [InlineData(true, "HEALTHY", 5, -1, HealthStatus.Healthy, "SES sending is enabled; 5 of -1 sent in the last 24 hours.")]
    [InlineData(false, "HEALTHY", 0, 200, HealthStatus.Unhealthy, "SES sending is disabled for this account.")]
    [InlineData(true, "PROBATION", 0, 200, HealthStatus.Unhealthy, "The SES account is under enforcement (PROBATION).")]
    [InlineData(true, "SHUTDOWN", 0, 200, HealthStatus.Unhealthy, "The SES account is under enforcement (SHUTDOWN).")]
    public async Task CheckHealthAsync_AccountState_Status(bool enabled, string enforcement, double sent, double max, HealthStatus expected, string description)
    {
        var ses = new Mock<ISesClient>();
        ses.Setup(s => s.GetAccountAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<CancellationToken>())).ReturnsAsync(new GetAccountResponse
        {
            SendingEnabled = enabled,
            EnforcementStatus = enforcement,
            SendQuota = new SendQuota { Max24HourSend = max, SentLast24Hours = sent, MaxSendRate = 14 },
        });

        var report = await RunAsync(ses.Object);

        var entry = report.Entries["aws-ses"];
        Assert.Equal(expected, entry.Status);
        Assert.Equal(description, entry.Description);
        Assert.Equal(enforcement, entry.Data["enforcementStatus"]);
        Assert.DoesNotContain(entry.Data.Values, v => v.ToString()!.Contains(TestConfigs.SecretKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckHealthAsync_GetAccountFails_UnhealthyWithCodeAndType()
    {
        var ses = new Mock<ISesClient>();
        ses.Setup(s => s.GetAccountAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorError(ConnectorErrorCode.AuthorizationFailed, "SES GetAccount failed with HTTP 403 Forbidden, AccessDeniedException: denied.") { ServiceErrorType = "AccessDeniedException" });

        var report = await RunAsync(ses.Object);

        var entry = report.Entries["aws-ses"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("SES GetAccount failed (authorization_failed): SES GetAccount failed with HTTP 403 Forbidden, AccessDeniedException: denied.", entry.Description);
        Assert.Equal("AccessDeniedException", entry.Data["awsErrorType"]);
    }

    private static async Task<HealthReport> RunAsync(ISesClient ses)
    {
        var services = new ServiceCollection();
        services.AddSingleton(ses);
        services.AddAwsSesConnector(o => TestConfigs.FillRequired(o));
        services.AddHealthChecks().AddAwsSes();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }
}
