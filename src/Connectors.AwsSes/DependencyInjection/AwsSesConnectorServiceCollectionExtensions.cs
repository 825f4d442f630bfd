using Connectors.AwsSes;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.DependencyInjection;
using Connectors.AwsSes.Ses;
using Connectors.Kit.Connectors;
using Connectors.Kit.Registry;
using Connectors.Kit.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AWS SES connectors, their options and the connector registry.</summary>
public static class AwsSesConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the default AWS SES connector (<see cref="AwsSesDefaults.DefaultInstanceName"/>) bound to the
    /// <see cref="AwsSesDefaults.ConfigurationSection"/> section of the host's configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The host's root configuration.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAwsSesConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAwsSesConnector(AwsSesDefaults.DefaultInstanceName, configuration.GetSection(AwsSesDefaults.ConfigurationSection));
    }

    /// <summary>Adds the default AWS SES connector configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAwsSesConnector(this IServiceCollection services, Action<AwsSesConnectorOptions> configure) =>
        services.AddAwsSesConnector(AwsSesDefaults.DefaultInstanceName, configure);

    /// <summary>
    /// Adds a named AWS SES connector bound to a configuration section (a Logto config's keys);
    /// the options are validated at start-up and reloaded when the configuration changes.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="instanceName">The instance's unique name in the registry.</param>
    /// <param name="section">The section holding the config.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAwsSesConnector(this IServiceCollection services, string instanceName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddAwsSesConnectorCore(instanceName, builder => builder.Bind(section), validateOnStart: true);
    }

    /// <summary>Adds a named AWS SES connector configured by <paramref name="configure"/>, validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="instanceName">The instance's unique name in the registry.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAwsSesConnector(this IServiceCollection services, string instanceName, Action<AwsSesConnectorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddAwsSesConnectorCore(instanceName, builder => builder.Configure(configure), validateOnStart: true);
    }

    /// <summary>
    /// Adds a named AWS SES connector whose config comes from the host at send time: from an
    /// <see cref="IConnectorConfigProvider"/> (one JSON per tenant) or from each call's <c>inputConfig</c>.
    /// Nothing is validated at start-up, since there is nothing to validate yet.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="instanceName">The instance's unique name in the registry.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAwsSesConnector(this IServiceCollection services, string instanceName) =>
        services.AddAwsSesConnectorCore(instanceName, _ => { }, validateOnStart: false);

    /// <summary>Sets the retry and timeout settings every AWS SES connector of the host uses.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection ConfigureAwsSesClient(this IServiceCollection services, Action<AwsSesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services;
    }

    private static IServiceCollection AddAwsSesConnectorCore(
        this IServiceCollection services, string instanceName, Action<OptionsBuilder<AwsSesConnectorOptions>> configureOptions, bool validateOnStart)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(instanceName);

        var options = services.AddOptions<AwsSesConnectorOptions>(instanceName);
        configureOptions(options);
        if (validateOnStart)
        {
            services.AddSingleton<IValidateOptions<AwsSesConnectorOptions>>(new AwsSesConnectorOptionsValidator(instanceName));
            options.ValidateOnStart();
        }

        services.AddAwsSesShared();
        services.AddSingleton(new ConnectorRegistration(instanceName, sp => sp.GetRequiredKeyedService<IEmailConnector>(instanceName)));
        services.AddKeyedSingleton<IEmailConnector>(instanceName, (sp, _) => CreateConnector(sp, instanceName));
        if (instanceName == AwsSesDefaults.DefaultInstanceName)
        {
            services.TryAddSingleton(sp => (AwsSesConnector)sp.GetRequiredKeyedService<IEmailConnector>(instanceName));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IEmailConnector>(instanceName));
        }

        return services;
    }

    private static void AddAwsSesShared(this IServiceCollection services)
    {
        services.AddOptions<AwsSesClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsSesClientOptions>, AwsSesClientOptionsValidator>());
        services.AddOptions<AwsSesLoggingOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectorRegistry, ConnectorRegistry>();
        services.TryAddSingleton<IAwsCredentialsSource, DefaultChainCredentialsSource>();

        // The primary handler recycles its own connections (PooledConnectionLifetime), so the
        // factory's handler rotation is switched off and one client serves the process.
        // The factory's default request logging goes too: its Trace records carry every request
        // header unredacted in their structured state (only the message text is redacted), the
        // session token's x-amz-security-token included. The connector logs sends, retries and
        // failures itself.
        services.AddHttpClient(SesHttp.HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(SesHttp.CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<ISesClient>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(SesHttp.HttpClientName);
            var clientOptions = sp.GetRequiredService<IOptionsMonitor<AwsSesClientOptions>>();
            return new SesHttpClient(
                http,
                () => clientOptions.CurrentValue,
                sp.GetRequiredService<IAwsCredentialsSource>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger<SesHttpClient>());
        });
    }

    private static AwsSesConnector CreateConnector(IServiceProvider services, string instanceName) => new(
        instanceName,
        services.GetRequiredService<IOptionsMonitor<AwsSesConnectorOptions>>(),
        services.GetRequiredService<ISesClient>(),
        services.GetService<IConnectorConfigProvider>(),
        services.GetService<ILocalizedEmailTemplateProvider>(),
        services.GetService<ILoggerFactory>()?.CreateLogger<AwsSesConnector>(),
        services.GetRequiredService<IOptions<AwsSesLoggingOptions>>().Value.LogRecipientAddresses);
}
