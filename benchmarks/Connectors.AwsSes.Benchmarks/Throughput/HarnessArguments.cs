using System.Globalization;

namespace Connectors.AwsSes.Benchmarks.Throughput;

/// <summary>A tiny <c>--name value</c> / <c>--flag</c> parser for the harness commands.</summary>
public sealed class HarnessArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private HarnessArguments()
    {
    }

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> take no value.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value or a stray argument.</exception>
    public static HarnessArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var line = new HarnessArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (flags.Contains(name))
            {
                line._values[name] = null;
            }
            else if (options.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{name} needs a value.");
                }

                line._values[name] = args[++i];
            }
            else
            {
                throw new UsageException($"Unknown argument '{name}'.");
            }
        }

        return line;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public int GetInt(string name, int defaultValue, int min, int max)
    {
        if (Get(name) is not { } text)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number from {min} to {max}.");
        }

        return value;
    }

    public IReadOnlyList<int> GetIntList(string name, int defaultValue, int min, int max)
    {
        if (Get(name) is not { } text)
        {
            return [defaultValue];
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new UsageException($"{name} must be whole numbers from {min} to {max}, separated by commas.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new UsageException($"{name} needs a value.");
    }
}

/// <summary>Bad usage: the message is printed with the usage text, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
