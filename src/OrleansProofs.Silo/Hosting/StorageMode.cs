// SPDX-License-Identifier: MIT

namespace OrleansProofs.Silo.Hosting;

/// <summary>How a node stores what must survive a restart, set by <c>OrleansProofs:Storage:Mode</c>.</summary>
public enum StorageMode
{
    /// <summary>One process: localhost clustering, Orleans grain state and the commitment log in an SQLite file in the data folder.</summary>
    Embedded,

    /// <summary>
    /// One silo of a cluster: Orleans AdoNet clustering, grain persistence and reminders and the commitment
    /// log on a shared PostgreSQL database (<see cref="PostgresClusterOptions"/>).
    /// </summary>
    Cluster,
}

/// <summary>Reads <see cref="StorageMode"/> from its setting.</summary>
public static class StorageModes
{
    /// <summary>The setting's key.</summary>
    public const string Setting = NodeHost.StorageSection + ":Mode";

    /// <summary>
    /// Parses the setting's value: "embedded" (also when unset or empty) or "cluster", any case.
    /// </summary>
    /// <exception cref="OrleansConfigurationException">Any other value; the message names the setting and the choices.</exception>
    public static StorageMode Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), "embedded", StringComparison.OrdinalIgnoreCase))
        {
            return StorageMode.Embedded;
        }

        if (string.Equals(value.Trim(), "cluster", StringComparison.OrdinalIgnoreCase))
        {
            return StorageMode.Cluster;
        }

        throw new OrleansConfigurationException($"{Setting} must be 'embedded' (SQLite, one process) or 'cluster' (PostgreSQL, several silos); got '{value}'.");
    }
}
