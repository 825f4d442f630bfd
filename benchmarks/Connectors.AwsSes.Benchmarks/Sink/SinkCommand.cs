using Connectors.AwsSes.Benchmarks.Throughput;

namespace Connectors.AwsSes.Benchmarks.Sink;

/// <summary><c>sink</c>: runs <see cref="SesSink"/> until Ctrl+C or the time limit.</summary>
public static class SinkCommand
{
    public const string Usage =
        """
        sink [--port N] [--max-seconds S]
          --port N           the 127.0.0.1 port (default 0: a free one, printed)
          --max-seconds S    stop after S seconds (default 600)
          POST /v2/email/outbound-emails answers 200 {"MessageId":"<counter>"}; GET /stats the counters.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = HarnessArguments.Parse(args, ["--port", "--max-seconds"], []);
        var port = line.GetInt("--port", 0, 0, 65_535);
        var limit = TimeSpan.FromSeconds(line.GetInt("--max-seconds", 600, 1, 86_400));
        using var stop = new CancellationTokenSource(limit);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var sink = SesSink.Start(port);
        Console.WriteLine($"Listening on {sink.Endpoint} (stats: {sink.Endpoint}stats); stops after {limit.TotalSeconds:0} s or on Ctrl+C.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"Stopped; {sink.ConnectionsOpened} connection(s) opened.");
        return 0;
    }
}
