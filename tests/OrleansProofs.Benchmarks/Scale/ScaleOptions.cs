// SPDX-License-Identifier: MIT

using System.Globalization;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// The block-scale runner's settings, parsed from
/// <c>scale --chains N --blocks B [--storage sqlite|postgres --postgres CONNECTION] [--profile standard|enhanced|dev] [--file-size BYTES] [--data DIR] [--json FILE] [--vdf]</c>.
/// </summary>
public sealed record ScaleOptions
{
    /// <summary>Chains to register (one generated file each).</summary>
    public int Chains { get; init; } = 1_000;

    /// <summary>Blocks to drive after registration.</summary>
    public int Blocks { get; init; } = 10;

    /// <summary>Grain storage: "sqlite" (the embedded default) or "postgres".</summary>
    public string Storage { get; init; } = "sqlite";

    /// <summary>The consensus profile.</summary>
    public string Profile { get; init; } = "standard";

    /// <summary>Size of each generated file in bytes: 64 KiB (16 chunks), the profiles' minimum file length.</summary>
    public int FileSize { get; init; } = 64 * 1024;

    /// <summary>Where to write the JSON summary; null for none.</summary>
    public string? JsonPath { get; init; }

    /// <summary>
    /// Runs the node's continuous VDF (at the profile's memory: 256 MiB standard) beside block processing
    /// and reports its rate alone and during the blocks. Off by default, so block figures stay comparable.
    /// </summary>
    public bool Vdf { get; init; }

    /// <summary>Registrations in flight at once.</summary>
    public int RegistrationParallelism { get; init; } = 64;

    /// <summary>
    /// The PostgreSQL connection string for <c>--storage postgres</c> (the cluster mode's database; the
    /// runner's silo migrates it at start). Required with that storage, refused with SQLite.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>
    /// A data folder to keep between runs (<c>--data DIR</c>): when it already holds a node registered by an
    /// earlier run with the same chain count, registration is skipped and blocks continue from its latest
    /// height, so block processing at 100,000 chains can be measured again without re-encoding every replica.
    /// Unset: a temporary folder, deleted at the end.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Parses the arguments after "scale"; throws <see cref="ArgumentException"/> naming the switch on bad input.</summary>
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        ScaleOptions options = new();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name == "--vdf")
            {
                options = options with { Vdf = true };
                continue;
            }

            string value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.", name);
            options = name switch
            {
                "--chains" => options with { Chains = PositiveInt(name, value, max: 1_000_000) },
                "--blocks" => options with { Blocks = PositiveInt(name, value, max: 100_000) },
                "--storage" => options with { Storage = OneOf(name, value, "sqlite", "postgres") },
                "--profile" => options with { Profile = OneOf(name, value, "standard", "enhanced", "dev") },
                "--file-size" => options with { FileSize = PositiveInt(name, value, max: 64 << 20) },
                "--json" => options with { JsonPath = value },
                "--registration-parallelism" => options with { RegistrationParallelism = PositiveInt(name, value, max: 4096) },
                "--postgres" => options with { PostgresConnectionString = value },
                "--data" => options with { DataDirectory = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown switch '{name}'. Usage: scale --chains N --blocks B [--storage sqlite|postgres --postgres CONNECTION] [--profile standard|enhanced|dev] [--file-size BYTES] [--data DIR] [--json FILE] [--vdf].", name),
            };
        }

        if (options.Storage == "postgres" && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new ArgumentException("--storage postgres needs --postgres CONNECTION (an Npgsql connection string, e.g. Host=127.0.0.1;Port=5432;Database=posc;Username=posc).", "--postgres");
        }

        if (options.Storage == "sqlite" && options.PostgresConnectionString is not null)
        {
            throw new ArgumentException("--postgres is only used with --storage postgres.", "--postgres");
        }

        return options;
    }

    private static int PositiveInt(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= 1 && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name} must be a whole number from 1 to {max:N0}; got '{value}'.", name);

    private static string OneOf(string name, string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", allowed)}; got '{value}'.", name);
}
