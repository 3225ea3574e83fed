// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// The cluster's PostgreSQL restarted under a running silo and gateway (issue 6): while the database is
/// down <c>/health</c> reports the failing check and block pushes get a retryable 503, never a success;
/// once it is back every process recovers on its own, without a restart: <c>/health</c> is 200 again, the
/// next blocks link to the last published global root, and nothing published before the outage changed.
/// The test runs its own PostgreSQL (<see cref="PrivatePostgres"/>) because it stops it; it runs where
/// <see cref="ClusterDatabase.Variable"/> is set, the sign that PostgreSQL can run on the machine.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const ulong BlocksBefore = 4;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [ClusterFact]
    public async Task ServiceReportsTheOutageAndRecoversOnItsOwnLosingNothing()
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(3));
        CancellationToken cancellationToken = timeout.Token;
        await using PrivatePostgres postgres = await PrivatePostgres.StartAsync();
        await using LocalCluster cluster = await LocalCluster.CreateAsync(nameof(ServiceReportsTheOutageAndRecoversOnItsOwnLosingNothing), postgres.ConnectionString);
        try
        {
            await RunAsync(cluster, postgres, cancellationToken);
        }
        finally
        {
            // The schema is dropped on dispose, which needs the server up.
            if (postgres.IsPaused)
            {
                await postgres.ResumeAsync();
            }
        }
    }

    private async Task RunAsync(LocalCluster cluster, PrivatePostgres postgres, CancellationToken cancellationToken)
    {
        SiloProcess silo = await cluster.StartSiloAsync("silo");
        NodeProcess gateway = await cluster.StartGatewayAsync();

        await cluster.PushBlockAsync(1, cancellationToken);
        string[] chainIds =
        [
            await cluster.RegisterAsync(cluster.WriteFile("a.bin", 40_000, seed: 11), cancellationToken),
            await cluster.RegisterAsync(cluster.WriteFile("b.bin", 45_000, seed: 12), cancellationToken),
            await cluster.RegisterAsync(cluster.WriteFile("c.bin", 50_000, seed: 13), cancellationToken),
        ];
        for (ulong height = 2; height <= BlocksBefore; height++)
        {
            await cluster.PushBlockAsync(height, cancellationToken);
        }

        Dictionary<ulong, string> blocksBefore = [];
        for (ulong height = 1; height <= BlocksBefore; height++)
        {
            blocksBefore[height] = await cluster.GetTextAsync($"/api/blocks/{height}", cancellationToken);
        }

        Dictionary<string, Dictionary<ulong, string>> recordsBefore = [];
        foreach (string chainId in chainIds)
        {
            JsonElement chain = JsonDocument.Parse(await cluster.GetTextAsync($"/api/chains/{chainId}", cancellationToken)).RootElement;
            recordsBefore[chainId] = chain.GetProperty("commitments").EnumerateArray().ToDictionary(r => r.GetProperty("height").GetUInt64(), r => r.GetRawText());
        }

        (int status, string body) healthBefore = await HealthAsync(cluster, cancellationToken);
        Assert.True(healthBefore.status == 200, $"/health before the outage: {healthBefore.body}");

        // The outage: PostgreSQL shut down (fast: every connection of every process is cut).
        await postgres.PauseAsync();
        Stopwatch outage = Stopwatch.StartNew();
        TimeSpan? unhealthyAfter = null;
        string? unhealthyField = null;
        int refusedPushes = 0;
        // At least 5 s down, so every pool holds broken connections and the silo's membership writes fail too.
        while (unhealthyAfter is null || refusedPushes < 2 || outage.Elapsed < TimeSpan.FromSeconds(5))
        {
            Assert.True(outage.Elapsed < s_bound, $"after {outage.Elapsed.TotalSeconds:F1} s of outage: /health unhealthy {unhealthyAfter is not null}, {refusedPushes} pushes refused");
            (int status, string body) = await HealthAsync(cluster, cancellationToken);
            if (status == 503 && unhealthyAfter is null)
            {
                unhealthyAfter = outage.Elapsed;
                unhealthyField = JsonDocument.Parse(body).RootElement.GetProperty("field").GetString();
            }

            // A block pushed now must not be accepted: it could not be made durable.
            using HttpRequestMessage request = cluster.BlockRequest(BlocksBefore + 1);
            using HttpResponseMessage response = await cluster.Http.SendAsync(request, cancellationToken);
            string answer = await response.Content.ReadAsStringAsync(cancellationToken);
            LocalCluster.AssertRetryable(response, answer);
            refusedPushes++;
            await Task.Delay(500, cancellationToken);
        }

        Assert.True(gateway.IsRunning && silo.Process.IsRunning, "no process may die of the outage");
        Assert.Equal("storage", unhealthyField);

        // PostgreSQL back on the same port; no process is restarted. The storage check passes again on its
        // own; the adapter check then waits for the next block (the dev profile calls a block stale after 6 s).
        await postgres.ResumeAsync();
        Stopwatch recovery = Stopwatch.StartNew();
        while (true)
        {
            (int status, string body) = await HealthAsync(cluster, cancellationToken);
            string? field = status == 200 ? null : JsonDocument.Parse(body).RootElement.GetProperty("field").GetString();
            if (field is null or "adapter")
            {
                break;
            }

            Assert.True(recovery.Elapsed < s_bound, $"/health still {status} {recovery.Elapsed.TotalSeconds:F1} s after PostgreSQL came back: {body}");
            await Task.Delay(250, cancellationToken);
        }

        TimeSpan storageBack = recovery.Elapsed;
        PushResult next = await cluster.PushBlockAsync(BlocksBefore + 1, cancellationToken);
        TimeSpan recorded = recovery.Elapsed;

        // Block BlocksBefore + 1 carries the timestamp of its first push, during the outage, so it may
        // already count as stale; the adapter check is judged on the next block, stamped now.
        PushResult after = await cluster.PushBlockAsync(BlocksBefore + 2, cancellationToken);
        (int healthAfter, string healthBody) = await HealthAsync(cluster, cancellationToken);
        Assert.True(healthAfter == 200, $"/health after the first fresh block since the outage: {healthBody}");
        TimeSpan healthy = recovery.Elapsed;
        output.WriteLine($"PostgreSQL stopped: /health 503 '{unhealthyField}' after {unhealthyAfter!.Value.TotalSeconds:F1} s; {refusedPushes} pushes of block {BlocksBefore + 1} refused with a retryable 503");
        output.WriteLine($"PostgreSQL started: storage check passing after {storageBack.TotalSeconds:F1} s, block {BlocksBefore + 1} recorded after {recorded.TotalSeconds:F1} s ({next.Retried.Count} retryable failures first), /health 200 after {healthy.TotalSeconds:F1} s");

        Assert.Equal("recorded", next.Outcome);
        Assert.Equal("recorded", after.Outcome);
        Assert.True(gateway.IsRunning && silo.Process.IsRunning, "no process was restarted");

        // Nothing published before the outage changed: byte-identical block records.
        foreach ((ulong height, string before) in blocksBefore)
        {
            Assert.Equal(before, await cluster.GetTextAsync($"/api/blocks/{height}", cancellationToken));
        }

        // The blocks after it link to the last global root before it, cover every chain, without faults.
        for (ulong height = BlocksBefore + 1; height <= BlocksBefore + 2; height++)
        {
            JsonElement block = JsonDocument.Parse(await cluster.GetTextAsync($"/api/blocks/{height}", cancellationToken)).RootElement;
            JsonElement previous = JsonDocument.Parse(await cluster.GetTextAsync($"/api/blocks/{height - 1}", cancellationToken)).RootElement;
            Assert.Equal(previous.GetProperty("globalRoot").GetString(), block.GetProperty("previousGlobalRoot").GetString());
            Assert.Equal(chainIds.Length, block.GetProperty("totalChains").GetInt32());
            Assert.Equal(0, block.GetProperty("faults").GetInt32());
        }

        foreach (string chainId in chainIds)
        {
            JsonElement chain = JsonDocument.Parse(await cluster.GetTextAsync($"/api/chains/{chainId}", cancellationToken)).RootElement;
            Assert.Equal(BlocksBefore + 2, chain.GetProperty("headHeight").GetUInt64());
            Assert.Equal(0, chain.GetProperty("faults").GetInt32());
            JsonElement[] window = [.. chain.GetProperty("commitments").EnumerateArray()];

            // No fork: one unbroken run of commits, each linking to the one before; the records from before unchanged.
            for (int i = 1; i < window.Length; i++)
            {
                Assert.Equal(window[i - 1].GetProperty("height").GetUInt64() + 1, window[i].GetProperty("height").GetUInt64());
                Assert.Equal(window[i - 1].GetProperty("commitment").GetString(), window[i].GetProperty("previousCommitment").GetString());
            }

            Assert.All(window, r => Assert.Equal("commit", r.GetProperty("kind").GetString()));
            Dictionary<ulong, string> before = recordsBefore[chainId];
            Assert.All(window.Where(r => before.ContainsKey(r.GetProperty("height").GetUInt64())), r => Assert.Equal(before[r.GetProperty("height").GetUInt64()], r.GetRawText()));
            Assert.True(window.Count(r => before.ContainsKey(r.GetProperty("height").GetUInt64())) >= 2, $"chain {chainId}: the window should still hold the records from before the outage");

            // A proof of a block published before the outage, and of one after it, verify.
            foreach (ulong height in new[] { BlocksBefore, BlocksBefore + 2 })
            {
                JsonElement verdict = await cluster.ProveAndVerifyAsync(chainId, height, cancellationToken);
                Assert.True(verdict.GetProperty("valid").GetBoolean(), $"chain {chainId} at {height}: {verdict}");
            }
        }
    }

    private static async Task<(int Status, string Body)> HealthAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await cluster.Http.GetAsync("/health", cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"/health: {(int)response.StatusCode} {body}");
        return ((int)response.StatusCode, body);
    }
}
