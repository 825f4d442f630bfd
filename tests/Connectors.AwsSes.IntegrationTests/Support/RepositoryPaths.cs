namespace Connectors.AwsSes.IntegrationTests.Support;

/// <summary>Finds folders of the repository from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "AwsSesConnector.sln";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding <c>AwsSesConnector.sln</c>, found by walking up from <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary><c>tests/emulator</c>: the npm project that pins the SES v2 emulator.</summary>
    public static string EmulatorDirectory => Path.Combine(RepositoryRoot, "tests", "emulator");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder holding {SolutionFileName} above {AppContext.BaseDirectory}: the integration tests must run from a build inside the repository.");
    }
}
