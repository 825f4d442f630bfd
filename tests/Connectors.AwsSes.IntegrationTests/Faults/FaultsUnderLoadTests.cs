using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Connectors.AwsSes.Configuration;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>
/// The public connector under load against faults: every send ends in a message id or a
/// <see cref="ConnectorError"/>, within the retry policy, without hanging or leaving unobserved task
/// exceptions; and managed memory stays flat over 20,000 sends.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class FaultsUnderLoadTests(ITestOutputHelper output)
{
    private const int Seed = 20_251_126;
    private const int MaxAttempts = 3;

    // Upper bounds on hangs only; nothing here asserts how fast something is.
    private static readonly TimeSpan AntiHang = TimeSpan.FromMinutes(3);

    private enum Fault
    {
        None,
        Throttled,
        InternalError,
        Unavailable,
        Reset,
        Slow,
    }

    [Fact]
    public async Task FiveHundredSendsAtConcurrency32_AThirdOfAttemptsFailing_EachEndsInAMessageIdOrAConnectorErrorWithinThePolicy()
    {
        const int sends = 500;
        FlushFinalizers();
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await using var server = FaultInjectingServer.Start();
            server.DefaultResponder = request => SesResponses.Ok("msg-" + CodeOf(request));

            // One scripted step per request the server reads, in the order it reads them: at most
            // 3 attempts for each of the 500 emails. A third fail, at random with a fixed seed.
            var random = new Random(Seed);
            var script = Enumerable.Range(0, sends * MaxAttempts).Select(_ => NextFault(random)).ToArray();
            foreach (var fault in script)
            {
                server.Enqueue(Step(fault));
            }

            var connector = AwsSesConnector.Create(Options(server.Endpoint.ToString()), new AwsSesClientOptions
            {
                MaxAttempts = MaxAttempts,
                AttemptTimeout = TimeSpan.FromMilliseconds(200),
                Timeout = TimeSpan.FromSeconds(10),
                ThrottlingBaseDelay = TimeSpan.FromMilliseconds(5),
                TransientBaseDelay = TimeSpan.FromMilliseconds(2),
            });
            using var gate = new SemaphoreSlim(32);
            var stopwatch = Stopwatch.StartNew();

            var outcomes = await Task.WhenAll(Enumerable.Range(0, sends).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var messageId = await connector.SendMessageAsync(Message(i));
                    return (Index: i, MessageId: (string?)messageId, Error: (ConnectorError?)null);
                }
                catch (ConnectorError error)
                {
                    // Anything else escapes and fails the test.
                    return (Index: i, MessageId: null, Error: error);
                }
                finally
                {
                    gate.Release();
                }
            })).WaitAsync(AntiHang);
            stopwatch.Stop();

            var attemptsByCode = server.Requests.GroupBy(CodeOf).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(outcomes, outcome =>
            {
                var code = Code(outcome.Index);
                var seen = attemptsByCode.GetValueOrDefault(code);
                Assert.InRange(seen, 0, MaxAttempts);
                if (outcome.Error is { } error)
                {
                    Assert.Null(outcome.MessageId);
                    Assert.Contains(error.Code, new[] { ConnectorErrorCode.RateLimitExceeded, ConnectorErrorCode.InvalidResponse, ConnectorErrorCode.General });
                    Assert.InRange(error.Attempts, 1, MaxAttempts);
                    Assert.InRange(seen, 0, error.Attempts);
                }
                else
                {
                    // The id SES gave for this very email, after at least one request for it.
                    Assert.Equal("msg-" + code, outcome.MessageId);
                    Assert.InRange(seen, 1, MaxAttempts);
                }
            });
            Assert.True(server.Requests.Count <= script.Length);
            Assert.Equal(Enum.GetValues<Fault>(), script.Take(server.Requests.Count).Distinct().Order()); // Every fault was served.

            var taken = script.Take(server.Requests.Count).GroupBy(f => f).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            var failed = outcomes.Where(o => o.Error is not null).ToList();
            output.WriteLine($"{sends} sends at concurrency 32 in {stopwatch.Elapsed.TotalSeconds:0.00} s: {sends - failed.Count} ok, {failed.Count} failed ({string.Join(", ", failed.GroupBy(o => o.Error!.CodeString).Select(g => $"{g.Key} {g.Count()}"))}).");
            output.WriteLine($"{server.Requests.Count} requests on {server.ConnectionsAccepted} connections; faults served: {string.Join(", ", taken)}.");
            output.WriteLine($"Most requests seen for one email: {attemptsByCode.Values.Max()}; most attempts reported by an error: {(failed.Count == 0 ? 0 : failed.Max(o => o.Error!.Attempts))}.");
        }
        finally
        {
            FlushFinalizers();
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.Empty(unobserved);
    }

    [Fact]
    public async Task TwentyThousandSendsAtConcurrency8_ManagedMemoryStaysFlat()
    {
        const int warmUp = 1_000;
        const int sends = 20_000;
        var handler = new InMemorySesHandler();
        var services = new ServiceCollection();
        services.AddAwsSesConnector(o => Fill(o, "https://email.in-memory.test"));
        services.ConfigureAwsSesClient(o => o.TransientBaseDelay = TimeSpan.FromMilliseconds(1));
        services.AddHttpClient("Connectors.AwsSes").ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        var connector = provider.GetRequiredService<AwsSesConnector>();
        var stopwatch = Stopwatch.StartNew();

        await SendAsync(connector, 0, warmUp).WaitAsync(AntiHang);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await SendAsync(connector, warmUp, sends - warmUp).WaitAsync(AntiHang);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        stopwatch.Stop();

        Assert.Equal(sends, handler.Requests);
        var growth = after - before;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sends} sends at concurrency 8 in {stopwatch.Elapsed.TotalSeconds:0.00} s; managed memory after {warmUp} sends {before / 1024.0 / 1024:0.00} MB, after {sends} {after / 1024.0 / 1024:0.00} MB, growth {growth / 1024.0 / 1024:0.00} MB."));
        Assert.True(growth < 20 * 1024 * 1024, $"Managed memory grew by {growth} bytes over {sends - warmUp} sends.");
    }

    private static async Task SendAsync(AwsSesConnector connector, int first, int count)
    {
        var next = first - 1;
        var end = first + count;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < end; i = Interlocked.Increment(ref next))
            {
                Assert.Equal("in-memory-id", await connector.SendMessageAsync(Message(i)));
            }
        }));
    }

    private static Fault NextFault(Random random)
    {
        var roll = random.Next(15);
        return roll switch
        {
            < 10 => Fault.None, // Two thirds succeed.
            10 => Fault.Throttled,
            11 => Fault.InternalError,
            12 => Fault.Unavailable,
            13 => Fault.Reset,
            _ => Fault.Slow,
        };
    }

    private static FaultStep Step(Fault fault) => fault switch
    {
        Fault.Throttled => FaultStep.Respond(SesResponses.Throttled()),
        Fault.InternalError => FaultStep.Respond(SesResponses.Error(500, "InternalFailure", "Internal failure.")),
        Fault.Unavailable => FaultStep.Respond(SesResponses.ServiceUnavailable()),
        Fault.Reset => FaultStep.ResetConnection(),
        Fault.Slow => FaultStep.Delay(TimeSpan.FromSeconds(1)), // Far past the 200 ms attempt timeout.
        _ => FaultStep.Delay(TimeSpan.Zero), // The default response: 200 with the email's own id.
    };

    private static string Code(int i) => "code-" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static SendMessageData Message(int i) => new()
    {
        To = $"user{i}@example.com",
        Type = TemplateType.SignIn,
        Payload = new SendMessagePayload { Code = Code(i) },
    };

    /// <summary>The code an email carries: its subject is "Code {code}".</summary>
    private static string CodeOf(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        var subject = body.RootElement.GetProperty("Content").GetProperty("Simple").GetProperty("Subject").GetProperty("Data").GetString()!;
        return subject["Code ".Length..];
    }

    private static AwsSesConnectorOptions Options(string endpoint)
    {
        var options = new AwsSesConnectorOptions();
        Fill(options, endpoint);
        return options;
    }

    private static void Fill(AwsSesConnectorOptions options, string endpoint)
    {
        options.AccessKeyId = "AKIDEXAMPLE";
        options.AccessKeySecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        options.Region = "us-east-1";
        options.EmailAddress = "Load Test <noreply@example.com>";
        options.Endpoint = endpoint;
        options.Templates = [.. TemplateTypes.Required.Select(t => new EmailTemplate { UsageType = t.ToWireName(), Subject = "Code {{code}}", Content = "<p>Your code is <b>{{code}}</b>.</p>" })];
    }

    private static void FlushFinalizers()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>SES answering 200 to everything, in memory: nothing is kept per request but a count.</summary>
    private sealed class InMemorySesHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"MessageId":"in-memory-id"}""");
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request };
            response.Content.Headers.ContentType = new("application/json");
            return Task.FromResult(response);
        }
    }
}
