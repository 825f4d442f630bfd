using BenchmarkDotNet.Running;
using Connectors.AwsSes.Benchmarks.Sink;
using Connectors.AwsSes.Benchmarks.Throughput;

namespace Connectors.AwsSes.Benchmarks;

/// <summary>
/// <c>throughput ...</c> and <c>sink ...</c> run the harness commands; anything else goes to
/// BenchmarkDotNet (e.g. <c>--filter *</c>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["throughput", .. var rest] => await ThroughputCommand.RunAsync(rest),
                ["sink", .. var rest] => await SinkCommand.RunAsync(rest),
                _ => RunBenchmarks(args),
            };
        }
        catch (UsageException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(ThroughputCommand.Usage);
            Console.Error.WriteLine(SinkCommand.Usage);
            return 2;
        }
    }

    private static int RunBenchmarks(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
