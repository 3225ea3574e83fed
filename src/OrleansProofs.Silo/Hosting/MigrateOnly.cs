// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Configuration;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// <c>posc-silo --migrate-only --postgres "&lt;connection string&gt;"</c>: applies the PostgreSQL schema
/// scripts (under the same advisory lock a starting silo takes) and exits, without starting a silo. For
/// deployments where silos run with a user that may not change the schema, or to upgrade a database
/// before rolling out a new build.
/// </summary>
public static class MigrateOnly
{
    /// <summary>The switch that selects this command.</summary>
    public const string Switch = "--migrate-only";

    /// <summary>Whether <paramref name="args"/> ask for the migration only.</summary>
    public static bool IsRequested(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(arg => string.Equals(arg, Switch, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads the connection string like the silo does (settings, environment, command line; the
    /// storage mode is not required), migrates, reports each applied script on <paramref name="output"/>
    /// and returns the exit code: 0 when the database is at the latest version.
    /// </summary>
    /// <exception cref="OrleansConfigurationException">No valid connection string is configured.</exception>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this build.</exception>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken, Action<IConfigurationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        string[] rest = [.. args.Where(arg => !string.Equals(arg, Switch, StringComparison.OrdinalIgnoreCase))];
        using ConfigurationManager configuration = new();
        NodeHost.AddSources(configuration, Directory.GetCurrentDirectory(), rest, configure);
        PostgresClusterOptions cluster = new();
        configuration.GetSection(NodeHost.ClusterSection).Bind(cluster);
        LocalSiloOptions silo = new();
        configuration.GetSection(NodeHost.SiloSection).Bind(silo);
        cluster.Validate(silo);

        string server = PostgresSchema.Describe(cluster.ConnectionString!);
        IReadOnlyList<SqlScript> applied = await PostgresSchema.ApplyAsync(cluster.ConnectionString!, cancellationToken);
        foreach (SqlScript script in applied)
        {
            await output.WriteLineAsync($"applied {script.Version:D4}-{script.Name}");
        }

        await output.WriteLineAsync(applied.Count == 0
            ? $"PostgreSQL {server}: already at schema version {PostgresSchema.LatestVersion}; nothing to do"
            : $"PostgreSQL {server}: now at schema version {PostgresSchema.LatestVersion}");
        return 0;
    }
}
