namespace Connectors.AwsSes.Cli;

/// <summary>The exit codes of <c>ses-connector</c> (a contract: other tools branch on them).</summary>
internal static class ExitCodes
{
    /// <summary>The verb did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A connector error: bad config, unreadable config file, bad recipient, SES refused, network failure.</summary>
    public const int ConnectorError = 1;

    /// <summary>Bad usage: no or unknown verb, unknown or missing option, bad <c>--type</c> or <c>--payload</c>.</summary>
    public const int Usage = 2;

    /// <summary>Canceled by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Canceled = 130;
}
