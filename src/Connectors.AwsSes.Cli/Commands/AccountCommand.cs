using System.Globalization;
using Connectors.AwsSes.Ses.Model;

namespace Connectors.AwsSes.Cli.Commands;

/// <summary><c>account</c>: reads the account's sending state and quota (SES v2 <c>GetAccount</c>).</summary>
internal sealed class AccountCommand : ICliCommand
{
    public string Name => "account";

    public string Summary => "Reads the account's sending state and quota (SES GetAccount).";

    public IReadOnlyList<CliOption> Options { get; } = [CliOption.Config, CliOption.Endpoint, CliOption.Json];

    public async Task<int> RunAsync(CliArguments args, CliOutput output, CancellationToken cancellationToken)
    {
        using var config = await ConfigFile.LoadAsync(args.Required(CliOption.Config), args[CliOption.Endpoint], cancellationToken);
        var account = await ConnectorFactory.Create().GetAccountAsync(config.RootElement, cancellationToken);
        if (output.IsJson)
        {
            WriteJson(account, output);
        }
        else
        {
            WriteHuman(account, output);
        }

        return ExitCodes.Success;
    }

    private static void WriteJson(GetAccountResponse account, CliOutput output) => output.WriteJson(writer =>
    {
        writer.WriteStartObject();
        if (account.SendingEnabled is { } sendingEnabled)
        {
            writer.WriteBoolean("sendingEnabled", sendingEnabled);
        }

        if (account.ProductionAccessEnabled is { } productionAccess)
        {
            writer.WriteBoolean("productionAccessEnabled", productionAccess);
        }

        if (account.EnforcementStatus is { } enforcementStatus)
        {
            writer.WriteString("enforcementStatus", enforcementStatus);
        }

        if (account.SendQuota?.Max24HourSend is { } max24HourSend)
        {
            writer.WriteNumber("max24HourSend", max24HourSend);
        }

        if (account.SendQuota?.MaxSendRate is { } maxSendRate)
        {
            writer.WriteNumber("maxSendRate", maxSendRate);
        }

        if (account.SendQuota?.SentLast24Hours is { } sentLast24Hours)
        {
            writer.WriteNumber("sentLast24Hours", sentLast24Hours);
        }

        writer.WriteEndObject();
    });

    private static void WriteHuman(GetAccountResponse account, CliOutput output)
    {
        output.WriteLine("Sending enabled: " + YesNo(account.SendingEnabled));
        output.WriteLine("Production access: " + YesNo(account.ProductionAccessEnabled) + (account.ProductionAccessEnabled == false ? " (sandbox: only verified recipients)" : string.Empty));
        output.WriteLine("Enforcement status: " + (account.EnforcementStatus ?? "unknown"));
        var quota = account.SendQuota;
        output.WriteLine("Sent in the last 24 hours: " + Number(quota?.SentLast24Hours) + " of " + (quota?.Max24HourSend < 0 ? "unlimited" : Number(quota?.Max24HourSend)));
        output.WriteLine("Maximum send rate: " + Number(quota?.MaxSendRate) + " emails per second");
    }

    private static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
