using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Connectors.AwsSes.Benchmarks.Sink;
using Connectors.AwsSes.Benchmarks.Support;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.Kit.Messages;

namespace Connectors.AwsSes.Benchmarks.Throughput;

/// <summary>
/// <c>throughput</c>: sends N real requests through the public API (<c>AwsSesConnector.Create</c>
/// + <c>SendMessageAsync</c>) to an endpoint, C at a time, and compares the rate with a raw
/// <see cref="HttpClient"/> keep-alive loop posting the same body to the same endpoint.
/// </summary>
public static class ThroughputCommand
{
    public const string Usage =
        """
        throughput (--endpoint URL | --self-sink) [--count N] [--concurrency C[,C...]] [--config FILE]
                   [--warmup N] [--warmup-seconds S] [--max-seconds S] [--json]
          --endpoint URL     an SES-compatible endpoint, e.g. the sink: http://127.0.0.1:5000
          --self-sink        without --endpoint: start the sink in-process on a free 127.0.0.1 port
          --count N          measured sends per client and concurrency level (default 20000)
          --concurrency C    sends in flight at once; a list runs each level in turn (default 1)
          --config FILE      a connector config JSON (default: a built-in test config, dummy keys)
          --warmup N         unmeasured sends before each measured run (default min(2000, N/5))
          --warmup-seconds S ... repeated for at least S seconds and until the rate stops rising,
                             so the JIT has tiered up (default 10; 30 at most)
          --max-seconds S    stop a measured run after S seconds (default 60)
          --json             one JSON line per level
        """;

    private static readonly string[] Options = ["--endpoint", "--count", "--concurrency", "--config", "--warmup", "--warmup-seconds", "--max-seconds"];
    private static readonly string[] Flags = ["--self-sink", "--json"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = HarnessArguments.Parse(args, Options, Flags);
        var count = line.GetInt("--count", 20_000, 1, 10_000_000);
        var levels = line.GetIntList("--concurrency", 1, 1, 1024);
        var warmup = line.GetInt("--warmup", Math.Max(1, Math.Min(2_000, count / 5)), 0, 1_000_000);
        var warmupTime = TimeSpan.FromSeconds(line.GetInt("--warmup-seconds", 10, 0, 600));
        var limit = TimeSpan.FromSeconds(line.GetInt("--max-seconds", 60, 1, 3_600));
        var json = line.Has("--json");
        if (line.Get("--endpoint") is null && !line.Has("--self-sink"))
        {
            throw new UsageException("Give --endpoint URL, or --self-sink to start a local sink.");
        }

        await using var sink = line.Get("--endpoint") is null ? SesSink.Start(0) : null;
        var endpoint = line.Get("--endpoint") is { } given
            ? new Uri(given.TrimEnd('/'), UriKind.Absolute)
            : sink!.Endpoint;
        if (!endpoint.IsLoopback)
        {
            throw new UsageException("--endpoint must be a loopback address (127.0.0.1, localhost or [::1]).");
        }

        var options = line.Get("--config") is { } file ? ReadConfig(file) : BenchmarkConfig.CreateOptions();
        options.Endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        var connector = AwsSesConnector.Create(options);
        var message = BenchmarkConfig.CreateMessage();
        var body = await SerializeRequestAsync(connector, message);
        using var stats = new SinkStatsClient(endpoint);
        if (!json)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Endpoint {endpoint}, body {body.Length} bytes, {count} sends per run, warm-up {warmup}."));
        }

        var failed = false;
        foreach (var concurrency in levels)
        {
            // The raw loop first, on its own connection pool, closed before the connector runs.
            LoadResult raw;
            long? rawConnections;
            using (var rawClient = new HttpClient(SesHttp.CreatePrimaryHandler()) { Timeout = TimeSpan.FromSeconds(30) })
            {
                var sendEmailUri = new Uri(endpoint, SesHttpClient.SendEmailPath);
                async Task PostRawAsync()
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await rawClient.PostAsync(sendEmailUri, content);
                    response.EnsureSuccessStatusCode();
                }

                var before = await stats.ConnectionsOpenedAsync();
                await LoadRun.WarmUpAsync(PostRawAsync, warmup, warmupTime, MaxWarmup(warmupTime), concurrency);
                raw = await LoadRun.RunAsync(PostRawAsync, count, concurrency, limit);
                rawConnections = await stats.ConnectionsOpenedAsync() - before;
            }

            long? connections;
            long? open;
            LoadResult sends;
            {
                Task SendAsync() => connector.SendMessageAsync(message);
                var before = await stats.ConnectionsOpenedAsync();
                await LoadRun.WarmUpAsync(SendAsync, warmup, warmupTime, MaxWarmup(warmupTime), concurrency);
                sends = await LoadRun.RunAsync(SendAsync, count, concurrency, limit);
                connections = await stats.ConnectionsOpenedAsync() - before;
                open = await stats.OpenConnectionsAsync();
            }

            failed |= sends.Errors > 0 || raw.Errors > 0;
            Report(json, concurrency, count, sends, raw, connections, open, rawConnections);
        }

        return failed ? 1 : 0;
    }

    private static TimeSpan MaxWarmup(TimeSpan minimum) => minimum > TimeSpan.FromSeconds(30) ? minimum : TimeSpan.FromSeconds(30);

    private static AwsSesConnectorOptions ReadConfig(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return AwsSesConfigReader.Read(document.RootElement);
    }

    // The exact body the connector sends for the message, for the raw loop.
    private static async Task<byte[]> SerializeRequestAsync(AwsSesConnector connector, SendMessageData message)
    {
        var (_, request) = await connector.PrepareAsync(message, null, CancellationToken.None);
        return JsonSerializer.SerializeToUtf8Bytes(request, SesJsonContext.Wire.SendEmailRequest);
    }

    private static void Report(bool json, int concurrency, int count, LoadResult sends, LoadResult raw, long? connections, long? open, long? rawConnections)
    {
        foreach (var (name, result) in new[] { ("connector", sends), ("raw", raw) })
        {
            if (result.FirstError is { } error)
            {
                Console.Error.WriteLine($"{name}: {result.Errors} error(s); the first: {error.GetType().Name}: {error.Message}");
            }
        }

        var ratio = sends.PerSecond / raw.PerSecond;
        if (!json)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"concurrency {concurrency}: connector {sends.PerSecond:0} sends/s (p50 {sends.P50Ms:0.000} ms, p99 {sends.P99Ms:0.000} ms, {sends.CpuMicrosecondsPerCall:0.0} us CPU/send, {sends.Errors} errors, {Show(connections)} connections opened, {Show(open)} open); raw HttpClient {raw.PerSecond:0}/s (p50 {raw.P50Ms:0.000} ms, p99 {raw.P99Ms:0.000} ms, {raw.CpuMicrosecondsPerCall:0.0} us CPU/send, {Show(rawConnections)} connections); ratio {ratio:0.00}"));
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sendsPerSec", Math.Round(sends.PerSecond, 1));
            writer.WriteNumber("p50Ms", Math.Round(sends.P50Ms, 4));
            writer.WriteNumber("p99Ms", Math.Round(sends.P99Ms, 4));
            writer.WriteNumber("errors", sends.Errors);
            writer.WriteNumber("rawSendsPerSec", Math.Round(raw.PerSecond, 1));
            writer.WriteNumber("ratioToRaw", Math.Round(ratio, 3));
            WriteNullable(writer, "connectionsOpened", connections);
            WriteNullable(writer, "connectionsOpen", open);
            writer.WriteNumber("concurrency", concurrency);
            writer.WriteNumber("count", count);
            writer.WriteNumber("sent", sends.Completed);
            writer.WriteNumber("cpuUsPerSend", Math.Round(sends.CpuMicrosecondsPerCall, 2));
            writer.WriteNumber("rawCpuUsPerSend", Math.Round(raw.CpuMicrosecondsPerCall, 2));
            writer.WriteNumber("rawP50Ms", Math.Round(raw.P50Ms, 4));
            writer.WriteNumber("rawP99Ms", Math.Round(raw.P99Ms, 4));
            writer.WriteNumber("rawErrors", raw.Errors);
            WriteNullable(writer, "rawConnectionsOpened", rawConnections);
            writer.WriteEndObject();
        }

        Console.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
