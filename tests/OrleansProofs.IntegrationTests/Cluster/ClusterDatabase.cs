// SPDX-License-Identifier: MIT

using Npgsql;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// The PostgreSQL server of the cluster tests, from <see cref="Variable"/> (CI sets it, see .ci/run), and
/// a new, empty schema on it per test: the processes' connection string has that schema as its search
/// path, so a test's silos, tables and membership rows are its own. Dropped with everything in it on dispose.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    /// <summary>The variable holding an Npgsql connection string to a database the tests may create schemas in.</summary>
    public const string Variable = "ORLEANSPROOFS_TEST_POSTGRES";

    /// <summary>Why the cluster tests are skipped when the variable is unset.</summary>
    public const string SkipReason =
        "The cluster failover tests start silo processes on PostgreSQL and need " + Variable + " (an Npgsql connection string); .ci/run sets it, " +
        "and a developer can run 'infra/scripts/test-postgres.sh start /tmp/posc-pg' and export what it prints.";

    private readonly string _server;

    private ClusterDatabase(string server, string schema)
    {
        _server = server;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    /// <summary>The server's connection string, or null when the tests must be skipped.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The schema's name.</summary>
    public string Schema { get; }

    /// <summary>The connection string confined to the schema (what the processes get).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a schema on <see cref="Server"/>.</summary>
    public static Task<ClusterDatabase> CreateAsync() => CreateAsync(Server ?? throw new InvalidOperationException(SkipReason));

    /// <summary>Creates a schema on <paramref name="server"/> (a test's own PostgreSQL, when it must stop the server).</summary>
    public static async Task<ClusterDatabase> CreateAsync(string server)
    {
        string schema = "it_" + Guid.NewGuid().ToString("N");
        await using NpgsqlConnection connection = new(server);
        await connection.OpenAsync();
        await using NpgsqlCommand create = new($"CREATE SCHEMA {schema};", connection);
        await create.ExecuteNonQueryAsync();
        return new ClusterDatabase(server, schema);
    }

    /// <summary>The membership table's status of every silo row of <paramref name="clusterId"/>, keyed by silo port.</summary>
    public async Task<Dictionary<int, int>> MembershipAsync(string clusterId)
    {
        await using NpgsqlConnection connection = new(ConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand query = new("SELECT Port, Status, Generation FROM OrleansMembershipTable WHERE DeploymentId = @id ORDER BY Generation", connection);
        query.Parameters.AddWithValue("id", clusterId);
        await using NpgsqlDataReader reader = await query.ExecuteReaderAsync();
        Dictionary<int, int> rows = [];
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return rows;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using NpgsqlConnection connection = new(_server);
        await connection.OpenAsync();
        await using NpgsqlCommand drop = new($"DROP SCHEMA IF EXISTS {Schema} CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that runs only against a real PostgreSQL (<see cref="ClusterDatabase.Variable"/>); otherwise it is skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when no server is configured.</summary>
    public ClusterFactAttribute()
    {
        if (ClusterDatabase.Server is null)
        {
            Skip = ClusterDatabase.SkipReason;
        }
    }
}
