using System.Text.Json;

namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>
/// The account the emulator reports on <c>GET /v2/email/account</c>. The emulator has no account of its own: it
/// answers 400 BadRequestException "Account not found" unless the environment variable <c>AWS_SES_ACCOUNT</c>
/// holds a complete GetAccount JSON (every member below plus <c>Details</c>, <c>DedicatedIpAutoWarmupEnabled</c>
/// and <c>SuppressionAttributes</c>, checked against a schema), which it then returns as is.
/// <see cref="SesEmulatorFixture"/> sets it from <see cref="Default"/>.
/// </summary>
public sealed record EmulatorAccount(
    double Max24HourSend,
    double MaxSendRate,
    double SentLast24Hours,
    bool SendingEnabled,
    bool ProductionAccessEnabled,
    string EnforcementStatus)
{
    /// <summary>The account every emulator started by <see cref="SesEmulatorFixture"/> reports.</summary>
    public static EmulatorAccount Default { get; } = new(
        Max24HourSend: 50000,
        MaxSendRate: 14,
        SentLast24Hours: 3,
        SendingEnabled: true,
        ProductionAccessEnabled: true,
        EnforcementStatus: "HEALTHY");

    /// <summary>The value for <c>AWS_SES_ACCOUNT</c>: a GetAccount response that passes the emulator's schema.</summary>
    public string ToEmulatorJson() => JsonSerializer.Serialize(new
    {
        DedicatedIpAutoWarmupEnabled = false,
        Details = new
        {
            AdditionalContactEmailAddresses = Array.Empty<string>(),
            ContactLanguage = "EN",
            MailType = "TRANSACTIONAL",
            ReviewDetails = new { CaseId = "local-emulator", Status = "GRANTED" },
            UseCaseDescription = "AwsSesConnector integration tests",
            WebsiteURL = "https://example.com",
        },
        EnforcementStatus,
        ProductionAccessEnabled,
        SendingEnabled,
        SendQuota = new { Max24HourSend, MaxSendRate, SentLast24Hours },
        SuppressionAttributes = new { SuppressedReasons = new[] { "BOUNCE", "COMPLAINT" } },
    });
}
