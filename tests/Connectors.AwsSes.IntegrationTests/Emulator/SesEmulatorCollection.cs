namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>
/// The tests that share one <see cref="SesEmulatorFixture"/>: mark a class <c>[Collection(SesEmulatorCollection.Name)]</c>
/// and take the fixture in its constructor. Tests of one collection run one after another, but the emulator's store
/// is shared: find your email by the MessageId you got back, or clear the store first.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SesEmulatorCollection : ICollectionFixture<SesEmulatorFixture>
{
    public const string Name = "SES v2 emulator";
}
