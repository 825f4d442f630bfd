namespace IdentityServerSample;

/// <summary>Names the sample's assembly for <c>WebApplicationFactory</c> in the integration tests.</summary>
public sealed class SampleHost
{
    private SampleHost()
    {
    }
}
