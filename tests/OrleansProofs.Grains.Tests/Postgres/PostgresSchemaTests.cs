// SPDX-License-Identifier: MIT

using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>
/// The PostgreSQL migration step on a real server: a new database gets every script once, a second run
/// (and a second run of every script's text) changes nothing, an older database upgrades in place
/// keeping its rows, two migrations at once apply each script exactly once (the advisory lock), and a
/// database from a newer build is refused with a message saying so.
/// </summary>
public sealed class PostgresSchemaTests
{
    /// <summary>Every query key the three Orleans AdoNet providers read at start.</summary>
    private static readonly string[] QueryKeys =
    [
        "ClearStorageKey", "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey",
        "DeleteReminderRowsKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
        "UpsertReminderRowKey", "WriteToStorageKey",
    ];

    [PostgresFact]
    public async Task ANewDatabaseGetsEveryScriptOnceAndASecondRunIsANoOp()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();

        IReadOnlyList<SqlScript> first = await PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), first.Select(s => s.Version));
        Assert.Equal(["orleans-persistence", "commitment-log", "orleans-clustering", "orleans-reminders"], first.Select(s => s.Name).Take(4));
        Assert.Equal(QueryKeys.Order(StringComparer.Ordinal), (await schema.QueryAsync("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"")).Select(r => (string)r[0]!));
        List<object?[]> recorded = await schema.QueryAsync("SELECT Version, Name, AppliedOn FROM OrleansProofsSchema ORDER BY Version");
        Assert.Equal(first.Select(s => s.Version), recorded.Select(r => (int)r[0]!));

        Assert.Empty(await PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None));

        // Each script is idempotent on its own too (a crash between a script's commit and the next run
        // re-runs nothing, but an operator may run a file by hand): running every text again changes no
        // recorded version or time and no query.
        string queriesBefore = string.Join("\n", (await schema.QueryAsync("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey")).Select(r => r[0] + "=" + r[1]));
        foreach (SqlScript script in PostgresSchema.Scripts)
        {
            await schema.ExecuteAsync(script.Text);
        }

        List<object?[]> after = await schema.QueryAsync("SELECT Version, Name, AppliedOn FROM OrleansProofsSchema ORDER BY Version");
        Assert.Equal(recorded.Select(r => (r[0], r[1], r[2])), after.Select(r => (r[0], r[1], r[2])));
        string queriesAfter = string.Join("\n", (await schema.QueryAsync("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey")).Select(r => r[0] + "=" + r[1]));
        Assert.Equal(queriesBefore, queriesAfter);
    }

    [PostgresFact]
    public async Task AnOlderDatabaseUpgradesInPlaceKeepingItsRows()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        Assert.Equal([1, 2], (await PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None, targetVersion: 2)).Select(s => s.Version));
        Assert.Empty(await schema.QueryAsync("SELECT 1 FROM OrleansQuery WHERE QueryKey = 'MembershipReadAllKey'"));
        await schema.ExecuteAsync(
            "INSERT INTO OrleansProofsCommitments (Network, ChainId, Height, Record) VALUES ('net', decode(repeat('ab', 32), 'hex'), 7, '\\x0102');");

        IReadOnlyList<SqlScript> upgrade = await PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None);

        Assert.Equal(Enumerable.Range(3, PostgresSchema.LatestVersion - 2), upgrade.Select(s => s.Version));
        Assert.Equal(7L, (await schema.QueryAsync("SELECT Height FROM OrleansProofsCommitments WHERE Network = 'net'")).Single()[0]);
        Assert.Equal(QueryKeys.Length, (int)(long)(await schema.QueryAsync("SELECT count(*) FROM OrleansQuery"))[0][0]!);
        Assert.Equal(PostgresSchema.LatestVersion, (int)(await schema.QueryAsync("SELECT MAX(Version) FROM OrleansProofsSchema"))[0][0]!);
    }

    [PostgresFact]
    public async Task TwoMigrationsAtOnceApplyEachScriptExactlyOnce()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();

        IReadOnlyList<SqlScript>[] results = await Task.WhenAll(
            Task.Run(() => PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None)),
            Task.Run(() => PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None)),
            Task.Run(() => PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None)));

        // One of them took the lock first and applied everything; the others found the database current.
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), results.SelectMany(r => r).Select(s => s.Version).Order());
        Assert.Single(results, r => r.Count > 0);
    }

    [PostgresFact]
    public async Task ADatabaseFromANewerBuildIsRefusedWithTheVersions()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        await PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None);
        int newer = PostgresSchema.LatestVersion + 1;
        await schema.ExecuteAsync($"INSERT INTO OrleansProofsSchema (Version, Name) VALUES ({newer}, 'from-the-future');");

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None));

        Assert.Contains($"schema version {newer}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"versions up to {PostgresSchema.LatestVersion}", refused.Message, StringComparison.Ordinal);

        // The silo's --migrate-only command refuses the same way (Program turns it into exit code 2).
        using StringWriter output = new();
        await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateOnly.RunAsync(
            [MigrateOnly.Switch, "--postgres", schema.ConnectionString], output, CancellationToken.None));
    }

    [PostgresFact]
    public async Task MigrateOnlyAppliesTheScriptsAndReportsThem()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        using StringWriter output = new();

        int exit = await MigrateOnly.RunAsync([MigrateOnly.Switch, "--postgres", schema.ConnectionString], output, CancellationToken.None);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains("applied 0001-orleans-persistence", text, StringComparison.Ordinal);
        Assert.Contains($"now at schema version {PostgresSchema.LatestVersion}", text, StringComparison.Ordinal);
        NpgsqlPassword(schema.ConnectionString, text);
        Assert.Equal(PostgresSchema.LatestVersion, (int)(await schema.QueryAsync("SELECT MAX(Version) FROM OrleansProofsSchema"))[0][0]!);
    }

    /// <summary>The report names the server but never the connection string's password.</summary>
    private static void NpgsqlPassword(string connectionString, string text)
    {
        string? password = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Password;
        if (!string.IsNullOrEmpty(password))
        {
            Assert.DoesNotContain("Password=" + password, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
