using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.AwsSes.IntegrationTests.Support;

namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>
/// Runs the <c>aws-ses-v2-local</c> SES v2 emulator (pinned in <c>tests/emulator</c>) as a child process on
/// 127.0.0.1 for the tests of the <see cref="SesEmulatorCollection"/>: one process per test run.
/// </summary>
/// <remarks>
/// <para>Installs the emulator with <c>npm ci</c> first when <c>tests/emulator/node_modules</c> does not match the
/// committed lock file (the rule <c>tests/emulator/install.sh</c> applies), so <c>dotnet test</c> works on a fresh clone.</para>
/// <para>What the emulator does, read from its source and checked by <c>EmulatorSmokeTests</c>:
/// SES v2 endpoints (<c>/v2/email/...</c>) require an <c>Authorization</c> header starting with <c>AWS</c>
/// (403 "Missing Authentication Token" without one, 400 "Not Authorized" otherwise) and never check the
/// signature; the body is parsed only with a JSON content type (<c>application/json</c>, any parameters);
/// errors are <c>{"message": "...", "detail": "aws-ses-v2-local: ..."}</c>, some with <c>"type"</c>, with no
/// <c>x-amzn-ErrorType</c> or <c>x-amzn-RequestId</c> header, and no response carries a request id;
/// unknown routes answer 404 <c>&lt;UnknownOperationException/&gt;</c> as text/html; malformed JSON gets
/// express's HTML 400 page. Connections are kept alive for 5 s.</para>
/// </remarks>
public sealed class SesEmulatorFixture : IAsyncLifetime
{
    /// <summary>The npm package run.</summary>
    public const string PackageName = "aws-ses-v2-local";

    /// <summary>The version pinned in <c>tests/emulator/package.json</c>.</summary>
    public const string PinnedVersion = "2.10.2";

    /// <summary>The Authorization header the emulator accepts: any value starting with <c>AWS</c>.</summary>
    public const string DummyAuthorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=00";

    private const string Host = "127.0.0.1";
    private const string StampFileName = ".install-stamp";
    private const string WatchdogScript = "exit-with-parent.cjs";
    private const int StartAttempts = 3;

    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(10);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.Web);

    // The emulator closes idle keep-alive connections after 5 s: drop ours before that.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private EmulatorProcess? _emulator;

    /// <summary>The account the emulator reports on <c>GET /v2/email/account</c>.</summary>
    public EmulatorAccount Account { get; } = EmulatorAccount.Default;

    /// <summary>The emulator's base address, <c>http://127.0.0.1:{port}/</c>: the SES endpoint to configure.</summary>
    public Uri Endpoint => Running.Endpoint;

    /// <summary>What the emulator printed so far (stdout and stderr, in order), for diagnostics.</summary>
    public string Output => Running.Output;

    private EmulatorProcess Running =>
        _emulator ?? throw new InvalidOperationException("The SES emulator is not running: InitializeAsync has not completed.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var directory = RepositoryPaths.EmulatorDirectory;
        await EnsureInstalledAsync(directory);
        var entryPoint = ResolveEntryPoint(directory);

        for (var attempt = 1; ; attempt++)
        {
            var emulator = EmulatorProcess.Start(directory, entryPoint, FreeTcpPort.Find(), Account);
            try
            {
                if (await WaitUntilReadyAsync(emulator))
                {
                    _emulator = emulator;
                    return;
                }

                // It exited before answering; the usual cause is that another process took the free port first.
                if (attempt == StartAttempts)
                {
                    throw new InvalidOperationException(
                        $"The SES emulator exited with code {emulator.ExitCode} before answering, {StartAttempts} times. " +
                        emulator.Describe());
                }
            }
            catch
            {
                await emulator.DisposeAsync();
                throw;
            }

            await emulator.DisposeAsync();
        }
    }

    /// <summary>Reads <c>GET /store</c>: every email the emulator accepted since it started or was last cleared, oldest first.</summary>
    public async Task<IReadOnlyList<StoredEmail>> GetStoredEmailsAsync(CancellationToken cancellationToken = default)
    {
        var store = await _http.GetFromJsonAsync<StoreDocument>(new Uri(Endpoint, "store"), StoreJson, cancellationToken);
        return store?.Emails ?? throw new InvalidOperationException("GET /store answered without an emails array.");
    }

    /// <summary>Empties the store with <c>POST /clear-store</c> (emails and templates).</summary>
    public async Task ClearStoreAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(new Uri(Endpoint, "clear-store"), content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A new client whose <see cref="HttpClient.BaseAddress"/> is <see cref="Endpoint"/>; the caller disposes it.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) })
    {
        BaseAddress = Endpoint,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Kills the emulator's process tree.</summary>
    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }

        _http.Dispose();
    }

    private async Task<bool> WaitUntilReadyAsync(EmulatorProcess emulator)
    {
        var probe = new Uri(emulator.Endpoint, "store");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (emulator.HasExited)
            {
                return false;
            }

            using (var attempt = new CancellationTokenSource(ProbeTimeout))
            {
                try
                {
                    // A foreign server that took the port would not answer this with an emails array.
                    using var response = await _http.GetAsync(probe, attempt.Token);
                    if (response.StatusCode == HttpStatusCode.OK
                        && (await response.Content.ReadFromJsonAsync<StoreDocument>(StoreJson, attempt.Token))?.Emails is not null)
                    {
                        return true;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
                {
                    // Not up yet.
                }
            }

            if (clock.Elapsed > StartupDeadline)
            {
                throw new TimeoutException(
                    $"The SES emulator did not answer GET {probe} within {StartupDeadline.TotalSeconds:0} s. {emulator.Describe()}");
            }

            await Task.Delay(ProbeInterval);
        }
    }

    private static string ResolveEntryPoint(string directory)
    {
        var packageDirectory = Path.Combine(directory, "node_modules", PackageName);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(packageDirectory, "package.json")));
        var root = manifest.RootElement;

        var version = root.GetProperty("version").GetString();
        if (version != PinnedVersion)
        {
            throw new InvalidOperationException(
                $"{PackageName} {version} is installed in {directory}, the tests expect {PinnedVersion}: run tests/emulator/install.sh.");
        }

        // "bin" is either a path or a map of command name to path.
        var bin = root.GetProperty("bin");
        var relative = bin.ValueKind == JsonValueKind.String
            ? bin.GetString()
            : bin.TryGetProperty(PackageName, out var named) ? named.GetString() : null;
        if (string.IsNullOrEmpty(relative))
        {
            throw new InvalidOperationException($"{PackageName}'s package.json names no \"bin\" entry point.");
        }

        var entryPoint = Path.GetFullPath(Path.Combine(packageDirectory, relative));
        return File.Exists(entryPoint)
            ? entryPoint
            : throw new FileNotFoundException($"{PackageName}'s entry point {entryPoint} is missing: run tests/emulator/install.sh.", entryPoint);
    }

    /// <summary>Runs <c>npm ci</c> unless <c>node_modules</c> was installed from the current lock file.</summary>
    private static async Task EnsureInstalledAsync(string directory)
    {
        await InstallLock.WaitAsync();
        try
        {
            var lockHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(directory, "package-lock.json"))));
            var stampPath = Path.Combine(directory, "node_modules", StampFileName);
            var manifestPath = Path.Combine(directory, "node_modules", PackageName, "package.json");
            if (File.Exists(manifestPath) && File.Exists(stampPath) && (await File.ReadAllTextAsync(stampPath)).Trim() == lockHash)
            {
                return;
            }

            var (exitCode, output) = await RunNpmCiAsync(directory);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {directory} failed with exit code {exitCode}:\n{output}");
            }

            await File.WriteAllTextAsync(stampPath, lockHash);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNpmCiAsync(string directory)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm", "ci", "--no-audit", "--no-fund" } }
            : new ProcessStartInfo("npm") { ArgumentList = { "ci", "--no-audit", "--no-fund" } };
        start.WorkingDirectory = directory;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        var output = new StringBuilder();
        using var npm = new Process { StartInfo = start };
        npm.OutputDataReceived += (_, e) => Append(output, e.Data);
        npm.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            npm.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run npm to install the SES emulator in {directory}: is Node.js installed? {e.Message}", e);
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(InstallDeadline);
        try
        {
            await npm.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            await npm.WaitForExitAsync();
            throw new TimeoutException($"`npm ci` in {directory} did not finish within {InstallDeadline.TotalMinutes:0} min:\n{Read(output)}");
        }

        return (npm.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private sealed record StoreDocument(
        [property: JsonPropertyName("emails")] IReadOnlyList<StoredEmail>? Emails);

    /// <summary>One emulator process and what it printed.</summary>
    private sealed class EmulatorProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();
        private readonly string _commandLine;

        private EmulatorProcess(Process process, Uri endpoint, string commandLine)
        {
            _process = process;
            Endpoint = endpoint;
            _commandLine = commandLine;
        }

        public Uri Endpoint { get; }

        public bool HasExited => _process.HasExited;

        public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        private string Error
        {
            get
            {
                lock (_output)
                {
                    return _error.ToString();
                }
            }
        }

        public static EmulatorProcess Start(string directory, string entryPoint, int port, EmulatorAccount account)
        {
            var portText = port.ToString(CultureInfo.InvariantCulture);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = directory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { "--require", Path.Combine(directory, WatchdogScript), entryPoint, "--host", Host, "--port", portText },
            };

            // Never relay to a real SMTP server; always report the same account; the default template rendering.
            start.Environment.Remove("SMTP_TRANSPORT");
            start.Environment.Remove("AWS_SES_STRICT_TEMPLATE_RENDERING");
            start.Environment["AWS_SES_ACCOUNT"] = account.ToEmulatorJson();

            var process = new Process { StartInfo = start };
            var emulator = new EmulatorProcess(
                process,
                new Uri($"http://{Host}:{portText}/"),
                "node " + string.Join(' ', start.ArgumentList));
            process.OutputDataReceived += (_, e) => emulator.Record(e.Data, isError: false);
            process.ErrorDataReceived += (_, e) => emulator.Record(e.Data, isError: true);
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                process.Dispose();
                throw new InvalidOperationException($"Could not start `node` for the SES emulator: is Node.js installed and on PATH? {e.Message}", e);
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return emulator;
        }

        public string Describe() =>
            $"Command: {_commandLine} (in {RepositoryPaths.EmulatorDirectory}). " +
            $"Exit code: {(ExitCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "still running")}.\n" +
            $"stderr:\n{Error}\nstdout and stderr:\n{Output}";

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                using var deadline = new CancellationTokenSource(ExitDeadline);
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (InvalidOperationException)
            {
                // It had already gone.
            }
            catch (OperationCanceledException)
            {
                // A zombie we cannot wait for longer; the watchdog ends it when our stdin closes.
            }
            finally
            {
                _process.Dispose();
            }
        }

        private void Record(string? line, bool isError)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
                if (isError)
                {
                    _error.AppendLine(line);
                }
            }
        }
    }
}
