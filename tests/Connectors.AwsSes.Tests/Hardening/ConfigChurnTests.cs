using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Xunit.Abstractions;

namespace Connectors.AwsSes.Tests.Hardening;

/// <summary>
/// Configs that change every few milliseconds while 1,000 sends run at once, through options reloads
/// and per-call <c>inputConfig</c>: every email must carry its own call's recipient, code, usage type
/// and template, and a config that really was published.
/// </summary>
public sealed partial class ConfigChurnTests(ITestOutputHelper output)
{
    private const int Sends = 1000;
    private const string Section = "Connectors:AwsSes";
    private static readonly TimeSpan AntiHang = TimeSpan.FromMinutes(2);

    private readonly ConcurrentBag<(SesConnectionSettings Connection, SendEmailRequest Request)> _sent = [];
    private readonly ReloadingSource _source = new(Version(0));
    private IConfigurationRoot? _configuration;
    private int _published;

    [Fact]
    public async Task OptionsReloadedEveryFewMilliseconds_EachEmailIsItsOwnCallsAndFromAPublishedVersion()
    {
        using var provider = Build(reloadEvery: 25);
        var connector = provider.GetRequiredService<AwsSesConnector>();

        var messageIds = await SendAllWhileChurningAsync(provider, i => connector.SendMessageAsync(Data(i)));

        Assert.Equal(Sends, _sent.Count);
        var versions = new HashSet<int>();
        var mixed = 0;
        foreach (var (connection, request) in _sent)
        {
            var i = CallOf(request);
            var parts = AssertStoredConfigEmail(i, connection, request);
            versions.UnionWith(parts);
            mixed += parts.Distinct().Count() > 1 ? 1 : 0;
        }

        Assert.Equal(Enumerable.Range(0, Sends).Select(i => "id-" + i), messageIds);
        output.WriteLine($"{_published} versions published; emails came from {versions.Count} of them; {mixed} mixed parts of two versions.");
        Assert.True(versions.Count >= 2, "The config changed while the sends ran, so more than one version was used.");
    }

    [Fact]
    public async Task PerCallInputConfigsAmongOptionsReloads_EachEmailUsesItsOwnCallsConfig()
    {
        using var provider = Build(reloadEvery: 25);
        var connector = provider.GetRequiredService<AwsSesConnector>();

        // Even calls bring their own config; odd calls use the stored one, which keeps changing.
        var messageIds = await SendAllWhileChurningAsync(provider, i => i % 2 == 0
            ? connector.SendMessageAsync(Data(i), InputConfig(i))
            : connector.SendMessageAsync(Data(i)));

        Assert.Equal(Sends, _sent.Count);
        foreach (var (connection, request) in _sent)
        {
            var i = CallOf(request);
            if (i % 2 == 1)
            {
                AssertStoredConfigEmail(i, connection, request);
                continue;
            }

            var type = TypeOf(i).ToWireName();
            Assert.Equal(RegionOf(i), connection.Region);
            Assert.Equal($"call{i}@example.com", request.FromEmailAddress);
            Assert.Equal($"call-{i} {type} c{i}", request.Content.Simple.Subject.Data);
            Assert.Equal($"<p>call-{i} {type} c{i}</p>", request.Content.Simple.Body.Html!.Data);
            Assert.Equal($"call-{i} {type} c{i}", request.Content.Simple.Body.Text!.Data);
            Assert.Equal(type, Assert.Single(request.EmailTags!).Value);
        }

        Assert.Equal(Enumerable.Range(0, Sends).Select(i => "id-" + i), messageIds);
    }

    [Fact]
    public async Task OptionsReloadedWithAnInvalidConfig_SendsFailWithInvalidConfigAndNothingIsSent_UntilItIsFixed()
    {
        using var provider = Build(reloadEvery: 0);
        var connector = provider.GetRequiredService<AwsSesConnector>();
        await connector.SendMessageAsync(Data(0));

        var broken = Version(1);
        broken[Section + ":region"] = "Mars";
        broken[Section + ":emailAddress"] = "noreply@example.com\r\nBcc: evil@example.com";
        PublishBroken(broken, 1);
        var errors = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(Data(i)))));

        Assert.All(errors, error =>
        {
            Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
            Assert.Equal(
                "AWS SES connector 'aws-ses-mail': 'region' must be an AWS region name such as us-east-1 or eu-west-1. 'emailAddress' contains a line break or another control character.",
                error.Message);
        });
        Assert.Single(_sent);

        Publish(2);
        await connector.SendMessageAsync(Data(51));
        Assert.Equal(["v0 SignIn c0", "v2 BindNewIdentifier c51"], _sent.Select(s => s.Request.Content.Simple.Subject.Data).Order());
    }

    [Fact]
    public async Task OptionsReloadedWithAValueTheBinderCannotConvert_SendsFailWithInvalidConfig()
    {
        using var provider = Build(reloadEvery: 0);
        var connector = provider.GetRequiredService<AwsSesConnector>();
        var unconvertible = Version(1);
        unconvertible[Section + ":useFipsEndpoint"] = "sometimes";
        PublishBroken(unconvertible, 1);

        var error = await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(Data(1)));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(
            "The config of AWS SES connector 'aws-ses-mail' could not be read: Failed to convert configuration value 'sometimes' at 'Connectors:AwsSes:UseFipsEndpoint' to type 'System.Boolean'.",
            error.Message);
        Assert.Empty(_sent);
    }

    private static TemplateType TypeOf(int i) => TemplateTypes.All[i % TemplateTypes.All.Count];

    private static string RegionOf(int i) => i % 4 == 0 ? "us-east-1" : "eu-west-1";

    private static SendMessageData Data(int i) => new()
    {
        To = $"user{i}@example.com",
        Type = TypeOf(i),
        Payload = new SendMessagePayload { Code = "c" + i },
    };

    private static int CallOf(SendEmailRequest request)
    {
        var match = Recipient().Match(Assert.Single(request.Destination.ToAddresses));
        Assert.True(match.Success);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string?> Version(int version)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [Section + ":accessKeyId"] = "AKIDEXAMPLE",
            [Section + ":accessKeySecret"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            [Section + ":region"] = "us-east-1",
            [Section + ":emailAddress"] = $"v{version} <noreply@example.com>",
        };
        for (var t = 0; t < TemplateTypes.All.Count; t++)
        {
            var type = TemplateTypes.All[t].ToWireName();
            values[$"{Section}:templates:{t}:usageType"] = type;
            values[$"{Section}:templates:{t}:subject"] = $"v{version} {type} {{{{code}}}}";
            values[$"{Section}:templates:{t}:content"] = $"<p>v{version} {type} {{{{code}}}}</p>";
        }

        return values;
    }

    private static JsonElement InputConfig(int i) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["accessKeyId"] = "AKIDEXAMPLE",
        ["accessKeySecret"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ["region"] = RegionOf(i),
        ["emailAddress"] = $"call{i}@example.com",
        ["templates"] = new JsonArray([.. TemplateTypes.All.Select(t => (JsonNode?)new JsonObject
        {
            ["usageType"] = t.ToWireName(),
            ["subject"] = $"call-{i} {t.ToWireName()} {{{{code}}}}",
            ["content"] = $"<p>call-{i} {t.ToWireName()} {{{{code}}}}</p>",
        })]),
    });

    /// <summary>Checks an email sent with the stored config; returns the versions its parts came from.</summary>
    /// <remarks>
    /// The configuration binder reads key by key, so a bind that straddles a reload may take the
    /// subject from one version and the body from the next: each part is checked on its own.
    /// </remarks>
    private int[] AssertStoredConfigEmail(int i, SesConnectionSettings connection, SendEmailRequest request)
    {
        var type = TypeOf(i).ToWireName();
        Assert.Equal("us-east-1", connection.Region);
        Assert.Equal(type, Assert.Single(request.EmailTags!).Value);
        var versions = new[]
        {
            VersionOf(request.FromEmailAddress, "^v(\\d+) <noreply@example\\.com>$"),
            VersionOf(request.Content.Simple.Subject.Data, $"^v(\\d+) {type} c{i}$"),
            VersionOf(request.Content.Simple.Body.Html!.Data, $"^<p>v(\\d+) {type} c{i}</p>$"),
            VersionOf(request.Content.Simple.Body.Text!.Data, $"^v(\\d+) {type} c{i}$"),
        };
        Assert.All(versions, v => Assert.InRange(v, 0, Volatile.Read(ref _published)));
        return versions;
    }

    private static int VersionOf(string text, string pattern)
    {
        var match = Regex.Match(text, pattern, RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"'{text}' does not match {pattern}.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<string[]> SendAllWhileChurningAsync(ServiceProvider provider, Func<int, Task<string>> send)
    {
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Publish(Volatile.Read(ref _published) + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(2));
            }
        });

        try
        {
            return await Task.WhenAll(Enumerable.Range(0, Sends).Select(i => Task.Run(() => send(i)))).WaitAsync(AntiHang);
        }
        finally
        {
            await stop.CancelAsync();
            await churn.WaitAsync(AntiHang);
        }
    }

    private void Publish(Dictionary<string, string?> values, int version)
    {
        lock (_source)
        {
            _published = Math.Max(_published, version);
            _source.Next = values;
            _configuration!.Reload();
        }
    }

    private void Publish(int version) => Publish(Version(version), version);

    /// <summary>Publishes a config the options cannot be made from.</summary>
    private void PublishBroken(Dictionary<string, string?> values, int version)
    {
        // The options monitor rebuilds the options as soon as the configuration reloads, so the
        // reload itself throws the binder's or the validator's failure; the sends report it too.
        var error = Assert.Throws<AggregateException>(() => Publish(values, version));
        output.WriteLine("Reload threw: " + error.InnerException!.Message);
    }

    private ServiceProvider Build(int reloadEvery)
    {
        _configuration = new ConfigurationBuilder().Add(_source).Build();
        var ses = new Mock<ISesClient>(MockBehavior.Strict);
        var calls = 0;
        ses.Setup(s => s.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (SesConnectionSettings connection, SendEmailRequest request, CancellationToken _) =>
            {
                _sent.Add((connection, request));

                // Also in band, so the config surely changes between sends, not only with the timer.
                if (reloadEvery > 0 && Interlocked.Increment(ref calls) % reloadEvery == 0)
                {
                    Publish(Volatile.Read(ref _published) + 1);
                }

                await Task.Yield();
                return "id-" + CallOf(request);
            });
        var services = new ServiceCollection();
        services.AddSingleton(ses.Object);
        services.AddAwsSesConnector(_configuration);
        return services.BuildServiceProvider();
    }

    [GeneratedRegex("^user(\\d+)@example\\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex Recipient();

    /// <summary>
    /// A configuration source whose reload swaps in a new dictionary at once, as a file provider
    /// does. (A <c>MemoryConfigurationProvider</c> changes its dictionary in place, which is not safe
    /// while sends read it.)
    /// </summary>
    private sealed class ReloadingSource(Dictionary<string, string?> initial) : IConfigurationSource
    {
        public Dictionary<string, string?> Next { get; set; } = initial;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

        private sealed class Provider(ReloadingSource source) : ConfigurationProvider
        {
            public override void Load() => Data = new Dictionary<string, string?>(source.Next, StringComparer.OrdinalIgnoreCase);
        }
    }
}
