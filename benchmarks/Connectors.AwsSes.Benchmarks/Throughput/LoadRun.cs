using System.Diagnostics;

namespace Connectors.AwsSes.Benchmarks.Throughput;

/// <summary>
/// Runs one operation <c>count</c> times with <c>concurrency</c> workers, each starting its next
/// call when its previous one ends (a closed loop), bounded by a time limit.
/// </summary>
public static class LoadRun
{
    /// <summary>
    /// Runs <paramref name="operation"/> unmeasured, in batches of <paramref name="count"/>, for at
    /// least <paramref name="minimum"/> and then until a batch is no faster than the best one
    /// (tiered JIT compilation has settled), for <paramref name="maximum"/> at most.
    /// </summary>
    /// <remarks>On this machine the JIT needed 10-15 s under load to reach the final code of the signer and the HTTP stack.</remarks>
    public static async Task WarmUpAsync(Func<Task> operation, int count, TimeSpan minimum, TimeSpan maximum, int concurrency)
    {
        if (count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var best = 0.0;
        while (true)
        {
            var batch = await RunAsync(operation, count, concurrency, maximum);
            var improved = batch.PerSecond > best * 1.05;
            best = Math.Max(best, batch.PerSecond);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if ((elapsed >= minimum && !improved) || elapsed >= maximum)
            {
                return;
            }
        }
    }

    public static async Task<LoadResult> RunAsync(Func<Task> operation, int count, int concurrency, TimeSpan limit)
    {
        var latencies = new long[count];
        var next = -1;
        var completed = 0;
        var errors = 0;
        Exception? firstError = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();

        async Task WorkerAsync()
        {
            // Start on the thread pool, not inline in the caller, so workers really run side by side.
            await Task.Yield();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                var before = Stopwatch.GetTimestamp();
                try
                {
                    await operation();
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, exception, null);
                }

                latencies[index] = Stopwatch.GetTimestamp() - before;
                Interlocked.Increment(ref completed);
            }
        }

        var workers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = WorkerAsync();
        }

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        // Slots of calls never started (time limit) stay 0: keep the measured ones only.
        var measured = latencies.Where(l => l > 0).ToArray();
        Array.Sort(measured);
        return new LoadResult(
            completed,
            errors,
            elapsed,
            Percentile(measured, 0.50),
            Percentile(measured, 0.99),
            cpu,
            firstError);
    }

    private static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}

/// <summary>What one load run measured.</summary>
/// <remarks>
/// <see cref="Cpu"/> is the CPU time of the whole process (every thread, the in-process sink
/// included): per send, it is far less sensitive than the rate to what else runs on the machine.
/// </remarks>
public sealed record LoadResult(int Completed, int Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, TimeSpan Cpu, Exception? FirstError)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerCall => Completed == 0 ? double.NaN : Cpu.TotalMicroseconds / Completed;
}
