namespace Connectors.AwsSes.Cli;

/// <summary>The options of one command line, checked against the verb's <see cref="CliOption"/> list.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    private CliArguments(Dictionary<string, string> values, HashSet<string> flags)
    {
        _values = values;
        _flags = flags;
    }

    /// <summary>Gets the value of an option, or <see langword="null"/> when it was not given.</summary>
    public string? this[CliOption option] => _values.GetValueOrDefault(option.Name);

    /// <summary>Gets the value of a required option (the parser has checked it is there).</summary>
    public string Required(CliOption option) =>
        _values.TryGetValue(option.Name, out var value) ? value : throw new UsageException($"Missing required option --{option.Name}.");

    /// <summary>Gets whether a flag was given.</summary>
    public bool Has(CliOption option) => _flags.Contains(option.Name);

    /// <summary>
    /// Parses the arguments after the verb. Options are <c>--name VALUE</c> or <c>--name=VALUE</c>;
    /// a value may not start with <c>--</c> unless given with <c>=</c>; each option at most once.
    /// </summary>
    /// <exception cref="UsageException">An unknown, repeated, valueless or missing option, or a stray argument.</exception>
    public static CliArguments Parse(string verb, IReadOnlyList<string> args, IReadOnlyList<CliOption> options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{token}': '{verb}' takes only options (--name VALUE).");
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? token[2..] : token[2..equals];
            var inline = equals < 0 ? null : token[(equals + 1)..];
            var option = options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
                ?? throw new UsageException($"Unknown option --{name} for '{verb}'. It takes: {string.Join(" ", options.Select(o => "--" + o.Name))}.");

            if (values.ContainsKey(name) || flags.Contains(name))
            {
                throw new UsageException($"Option --{name} is given more than once.");
            }

            if (option.IsFlag)
            {
                if (inline is not null)
                {
                    throw new UsageException($"Option --{name} takes no value.");
                }

                flags.Add(name);
                continue;
            }

            string? value = inline;
            if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new UsageException($"Option --{name} needs a value ({option.ValueName}).");
            }

            values[name] = value;
        }

        var missing = options.Where(o => o.Required && !values.ContainsKey(o.Name)).Select(o => "--" + o.Name).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"'{verb}' needs {string.Join(", ", missing)}.");
        }

        return new CliArguments(values, flags);
    }
}
