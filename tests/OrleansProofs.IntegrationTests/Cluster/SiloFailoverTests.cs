// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// Design §5 invariant 2 with real processes: two silos on PostgreSQL and a separate gateway; one silo
/// is killed with SIGKILL while a block is being processed. The survivor reactivates every chain, the
/// next blocks cover all of them, nothing published before the kill changes, every chain's records
/// link without a fork, and every block in the proof window yields a compact proof that verifies.
/// </summary>
public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    private const int Chains = 4;
    private const ulong BlocksBeforeKill = 6;
    private const ulong LastBlock = 11;

    [ClusterFact]
    public async Task KillingASiloMidBlockLosesAndForksNothing()
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(3));
        CancellationToken cancellationToken = timeout.Token;
        await using LocalCluster cluster = await LocalCluster.CreateAsync(nameof(KillingASiloMidBlockLosesAndForksNothing));
        SiloProcess first = await cluster.StartSiloAsync("silo-a");
        SiloProcess second = await cluster.StartSiloAsync("silo-b");
        await cluster.StartGatewayAsync();

        // Block 1 anchors the registrations; the chains activate at block 2 and are spread over both silos.
        await cluster.PushBlockAsync(1, cancellationToken);
        List<string> chainIds = [];
        for (int i = 0; i < Chains; i++)
        {
            chainIds.Add(await cluster.RegisterAsync(cluster.WriteFile($"file-{i}.bin", 40_000 + (i * 3_000), seed: 100 + i), cancellationToken));
        }

        for (ulong height = 2; height <= BlocksBeforeKill; height++)
        {
            Assert.Equal(Chains, (await cluster.PushBlockAsync(height, cancellationToken)).Block.GetProperty("totalChains").GetInt32());
        }

        Dictionary<ulong, string> blocksBefore = [];
        for (ulong height = 1; height <= BlocksBeforeKill; height++)
        {
            blocksBefore[height] = await cluster.GetTextAsync($"/api/blocks/{height}", cancellationToken);
        }

        Dictionary<string, JsonElement> chainsBefore = [];
        foreach (string chainId in chainIds)
        {
            chainsBefore[chainId] = JsonDocument.Parse(await cluster.GetTextAsync($"/api/chains/{chainId}", cancellationToken)).RootElement.Clone();
        }

        // Kill the silo whose ingress grain recorded the blocks so far (the network's block lifecycle lives
        // there), with SIGKILL, while the next block is in flight; pushes retry (as an adapter does) until a silo records them.
        string recordedBeforeKill = $"recorded block {BlocksBeforeKill}:";
        // Console logging is queued: the line can follow the HTTP answer by a moment.
        Stopwatch waiting = Stopwatch.StartNew();
        while (!first.Process.HasLogged(recordedBeforeKill) && !second.Process.HasLogged(recordedBeforeKill) && waiting.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50, cancellationToken);
        }

        SiloProcess victim = first.Process.HasLogged(recordedBeforeKill) ? first : second;
        SiloProcess survivor = victim == first ? second : first;
        Assert.True(victim.Process.HasLogged(recordedBeforeKill), "one silo's log must show the ingress recording the blocks");
        Task<PushResult> inFlight = cluster.PushBlockAsync(BlocksBeforeKill + 1, cancellationToken);
        await Task.Delay(5, cancellationToken);
        Stopwatch sinceKill = Stopwatch.StartNew();
        victim.Process.Kill();
        PushResult interrupted = await inFlight;
        TimeSpan firstRecorded = sinceKill.Elapsed;
        PushResult afterKill = await cluster.PushBlockAsync(BlocksBeforeKill + 2, cancellationToken);
        TimeSpan recovery = sinceKill.Elapsed;
        Assert.Equal(Chains, interrupted.Block.GetProperty("totalChains").GetInt32());
        Assert.Equal("recorded", afterKill.Outcome);
        Assert.Equal(Chains, afterKill.Block.GetProperty("totalChains").GetInt32());
        Assert.True(await survivor.Process.WaitForLogAsync($"recorded block {BlocksBeforeKill + 2}:", TimeSpan.FromSeconds(10)), "the survivor must have reactivated the ingress and recorded the next block");
        for (ulong height = BlocksBeforeKill + 3; height <= LastBlock; height++)
        {
            PushResult next = await cluster.PushBlockAsync(height, cancellationToken);
            Assert.Equal("recorded", next.Outcome);
            Assert.Equal(Chains, next.Block.GetProperty("totalChains").GetInt32());
        }

        output.WriteLine($"in-flight block {BlocksBeforeKill + 1}: {interrupted.Outcome} {firstRecorded.TotalSeconds:F1} s after the kill, after {interrupted.Retried.Count} retryable failures");
        output.WriteLine($"kill -9 to the first block pushed after it ({BlocksBeforeKill + 2}) recorded on the survivor with all {Chains} chains: {recovery.TotalSeconds:F1} s");
        foreach (string failure in interrupted.Retried.Concat(afterKill.Retried).Take(3))
        {
            output.WriteLine("  retried: " + failure);
        }

        Assert.True(survivor.Process.IsRunning, "the surviving silo must still run");
        Assert.False(victim.Process.IsRunning, "the killed silo must be dead");

        // Nothing published before the kill changed: byte-equal block records.
        foreach ((ulong height, string before) in blocksBefore)
        {
            Assert.Equal(before, await cluster.GetTextAsync($"/api/blocks/{height}", cancellationToken));
        }

        // Every block links to the previous global root, covers every chain, records no gap, and carries a valid signature.
        JsonElement recent = JsonDocument.Parse(await cluster.GetTextAsync($"/api/blocks?last={LastBlock}", cancellationToken)).RootElement;
        JsonElement[] blocks = [.. recent.GetProperty("blocks").EnumerateArray()];
        Assert.Equal(Enumerable.Range(1, (int)LastBlock).Select(h => (ulong)h), blocks.Select(b => b.GetProperty("height").GetUInt64()));
        Assert.All(blocks, b => Assert.True(b.GetProperty("signatureValid").GetBoolean(), $"block {b.GetProperty("height")} signature"));
        Assert.All(blocks.Skip(1), b => Assert.Equal(Chains, b.GetProperty("totalChains").GetInt32()));
        Assert.All(blocks, b => Assert.Equal(0, b.GetProperty("faults").GetInt32()));
        for (ulong height = 3; height <= LastBlock; height++)
        {
            JsonElement block = JsonDocument.Parse(await cluster.GetTextAsync($"/api/blocks/{height}", cancellationToken)).RootElement;
            JsonElement previous = JsonDocument.Parse(await cluster.GetTextAsync($"/api/blocks/{height - 1}", cancellationToken)).RootElement;
            Assert.Equal(previous.GetProperty("globalRoot").GetString(), block.GetProperty("previousGlobalRoot").GetString());
        }

        int proofs = 0;
        foreach (string chainId in chainIds)
        {
            JsonElement after = JsonDocument.Parse(await cluster.GetTextAsync($"/api/chains/{chainId}", cancellationToken)).RootElement;
            Assert.Equal("active", after.GetProperty("status").GetString());
            Assert.Equal(LastBlock, after.GetProperty("headHeight").GetUInt64());
            Assert.Equal(LastBlock - 1, after.GetProperty("chainLength").GetUInt64());
            Assert.Equal(0, after.GetProperty("faults").GetInt32());
            JsonElement[] window = [.. after.GetProperty("commitments").EnumerateArray()];

            // No fork: the window is one unbroken run of heights, each record linking to the one before, all commits.
            for (int i = 1; i < window.Length; i++)
            {
                Assert.Equal(window[i - 1].GetProperty("height").GetUInt64() + 1, window[i].GetProperty("height").GetUInt64());
                Assert.Equal(window[i - 1].GetProperty("commitment").GetString(), window[i].GetProperty("previousCommitment").GetString());
            }

            Assert.All(window, r => Assert.Equal("commit", r.GetProperty("kind").GetString()));
            Assert.All(window, r => Assert.Equal(LocalCluster.BlockHash(r.GetProperty("height").GetUInt64()), r.GetProperty("blockHash").GetString()));

            // The records from before the kill are unchanged in the window after it.
            Dictionary<ulong, string> before = chainsBefore[chainId].GetProperty("commitments").EnumerateArray()
                .ToDictionary(r => r.GetProperty("height").GetUInt64(), r => r.GetRawText());
            int overlap = 0;
            foreach (JsonElement record in window.Where(r => before.ContainsKey(r.GetProperty("height").GetUInt64())))
            {
                Assert.Equal(before[record.GetProperty("height").GetUInt64()], record.GetRawText());
                overlap++;
            }

            Assert.True(overlap >= 2, $"chain {chainId}: the windows before and after the kill should share records; they share {overlap}");

            // Every block in the window, before and after the kill, yields a compact proof that verifies.
            foreach (JsonElement record in window)
            {
                ulong height = record.GetProperty("height").GetUInt64();
                JsonElement verdict = await cluster.ProveAndVerifyAsync(chainId, height, cancellationToken);
                Assert.True(verdict.GetProperty("valid").GetBoolean(), $"chain {chainId} at {height}: {verdict}");
                proofs++;
            }
        }

        output.WriteLine($"checked {LastBlock} blocks, {Chains} chains, {proofs} compact proofs verified");
    }
}
