namespace Connectors.AwsSes.Ses.Model;

/// <summary>The parts of SES v2 <c>GetAccount</c> the connector uses.</summary>
internal sealed class GetAccountResponse
{
    public SendQuota? SendQuota { get; init; }

    public bool? SendingEnabled { get; init; }

    public bool? ProductionAccessEnabled { get; init; }

    public string? EnforcementStatus { get; init; }
}

/// <summary>SES v2 <c>SendQuota</c>.</summary>
internal sealed class SendQuota
{
    public double? Max24HourSend { get; init; }

    public double? MaxSendRate { get; init; }

    public double? SentLast24Hours { get; init; }
}
