using System.Text;
using Connectors.AwsSes.Cli;

if (OperatingSystem.IsWindows())
{
    // JSON output and rendered emails are UTF-8 whatever the console's code page.
    Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels cleanly (exit 130); a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await Cli.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
