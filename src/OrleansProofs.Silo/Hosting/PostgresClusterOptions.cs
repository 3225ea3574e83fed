// SPDX-License-Identifier: MIT

using System.Net;
using Npgsql;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// The cluster mode's shared database and this silo's advertised address (section
/// <c>OrleansProofs:Cluster</c>). Ports, cluster id and service id are <see cref="LocalSiloOptions"/>'
/// (section <c>OrleansProofs:Silo</c>) in both modes; the data volume is the node's data folder.
/// </summary>
public sealed class PostgresClusterOptions
{
    /// <summary>
    /// Gets or sets the Npgsql connection string of the shared database
    /// (<c>Host=…;Port=5432;Database=…;Username=…;Password=…</c>). Required in cluster mode. Never logged:
    /// logs show host, port, database and user only.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the IP address other silos and clients reach this silo at (it is written to the
    /// membership table). Default: 127.0.0.1, which suits silos on one machine; set the host's address
    /// for silos on several machines. The silo listens on every interface either way.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Gets or sets whether the silo applies the schema scripts at start (under an advisory lock).
    /// Default: true. Turn it off where the database user may not change the schema and migrations run
    /// separately (<c>--migrate-only</c> with an owner's connection string).
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Gets or sets the most connections this silo opens to the database, all pools together. Default: 40,
    /// so two silos and a gateway fit PostgreSQL's default <c>max_connections</c> (100). A quarter (at least 2)
    /// serves the node's own tables (commitment log, token ledger, VDF checkpoints: batched writes), the rest
    /// Orleans' membership, reminders and grain state. Without a bound each pool grows to Npgsql's default of
    /// 100 when 100,000 chain grains activate at once, past the server's limit, and grain reads and writes
    /// fail with "remaining connection slots are reserved". Any <c>Maximum Pool Size</c> in
    /// <see cref="ConnectionString"/> is replaced by these shares.
    /// </summary>
    public int MaxConnections { get; set; } = 40;

    /// <summary>The pool size of the node's own tables: a quarter of <see cref="MaxConnections"/>, at least 2.</summary>
    public int NodeTableConnections => Math.Max(2, MaxConnections / 4);

    /// <summary>The connection string Orleans' AdoNet providers use: <see cref="ConnectionString"/> with the Orleans share of <see cref="MaxConnections"/>.</summary>
    public string OrleansConnectionString => WithPoolSize(MaxConnections - NodeTableConnections);

    /// <summary>The connection string of the node's own tables: <see cref="ConnectionString"/> with <see cref="NodeTableConnections"/>.</summary>
    public string NodeTablesConnectionString => WithPoolSize(NodeTableConnections);

    /// <summary>The parsed <see cref="AdvertisedAddress"/> (valid after <see cref="Validate"/>).</summary>
    public IPAddress AdvertisedIPAddress => IPAddress.Parse(AdvertisedAddress);

    /// <summary>
    /// Checks <see cref="ConnectionString"/> alone: present, parseable by Npgsql, naming a host and a
    /// database. <paramref name="requiredWhen"/> completes the "is required …" message (the silo and the
    /// separate gateway need it for different reasons). No message repeats the value (it may hold a password).
    /// </summary>
    /// <exception cref="OrleansConfigurationException">The connection string is missing or invalid.</exception>
    public void ValidateConnectionString(string requiredWhen)
    {
        const string Section = NodeHost.ClusterSection;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new OrleansConfigurationException(
                $"{Section}:ConnectionString is required {requiredWhen} (an Npgsql connection string, e.g. Host=db;Database=posc;Username=posc;Password=…).");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            // Npgsql's message names the bad keyword, never a value.
            throw new OrleansConfigurationException($"{Section}:ConnectionString is not a valid Npgsql connection string: {exception.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new OrleansConfigurationException($"{Section}:ConnectionString must name the server (Host=…).");
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new OrleansConfigurationException($"{Section}:ConnectionString must name the database (Database=…).");
        }
    }

    /// <summary>
    /// Checks the options and the silo's ports and ids; each message names the setting and the rule,
    /// and none repeats the connection string (it may hold a password).
    /// </summary>
    /// <exception cref="OrleansConfigurationException">A setting is missing or invalid.</exception>
    public void Validate(LocalSiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        const string Section = NodeHost.ClusterSection;
        ValidateConnectionString($"when {Hosting.StorageModes.Setting} is 'cluster'");

        if (string.IsNullOrWhiteSpace(AdvertisedAddress) || !IPAddress.TryParse(AdvertisedAddress, out IPAddress? address))
        {
            throw new OrleansConfigurationException($"{Section}:AdvertisedAddress must be an IP address other silos can reach; got '{AdvertisedAddress}'.");
        }

        if (MaxConnections < MinimumConnections)
        {
            throw new OrleansConfigurationException(
                $"{Section}:MaxConnections must be at least {MinimumConnections} (2 for the node's tables, 2 for Orleans); got {MaxConnections}.");
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            throw new OrleansConfigurationException($"{Section}:AdvertisedAddress must be a reachable address, not the wildcard '{AdvertisedAddress}'.");
        }

        const string SiloSection = NodeHost.SiloSection;
        if (silo.SiloPort is < 1 or > 65535)
        {
            throw new OrleansConfigurationException($"{SiloSection}:SiloPort must be a TCP port (1-65535); got {silo.SiloPort}.");
        }

        if (silo.GatewayPort is < 1 or > 65535)
        {
            throw new OrleansConfigurationException($"{SiloSection}:GatewayPort must be a TCP port (1-65535); got {silo.GatewayPort}.");
        }

        if (silo.SiloPort == silo.GatewayPort)
        {
            throw new OrleansConfigurationException($"{SiloSection}:SiloPort and {SiloSection}:GatewayPort must differ; both are {silo.SiloPort}.");
        }

        if (string.IsNullOrWhiteSpace(silo.ClusterId))
        {
            throw new OrleansConfigurationException($"{SiloSection}:ClusterId must not be empty: silos with the same cluster id on one database form one cluster.");
        }

        if (string.IsNullOrWhiteSpace(silo.ServiceId))
        {
            throw new OrleansConfigurationException($"{SiloSection}:ServiceId must not be empty: grain state and reminders are stored under it.");
        }
    }

    private const int MinimumConnections = 4;

    private string WithPoolSize(int connections) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = connections }.ConnectionString;
}
