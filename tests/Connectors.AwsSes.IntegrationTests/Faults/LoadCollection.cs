namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>
/// The load tests: they run alone, after the other collections, so that process-wide measures
/// (managed memory, unobserved task exceptions) see only them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load, run alone";
}
