namespace Connectors.AwsSes.Cli;

/// <summary>The command line is wrong: reported with the <c>usage</c> code and exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
        : this("The command line is not valid.")
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
