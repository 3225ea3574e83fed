// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The embedded host persists grain state through Orleans AdoNet storage on SQLite: after a full
/// stop and a new host on the same folder, a chain's head commitment, length and window and the
/// ingress's block records are read back from the database file (the rows are checked in SQLite
/// itself), and the next block continues both. The dev chain follower resumes after the last
/// recorded height with the same deterministic hashes.
/// </summary>
public sealed class SqliteRestartTests
{
    private const string Seed = "restart-seed";

    [Fact]
    public async Task ChainStateAndBlockRecordsSurviveARestart()
    {
        const string Network = "restart";
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
            [NodeHost.ChainSection + ":Network"] = Network,
        });
        await node.StartAsync();
        IBlockIngressGrain ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        Assert.True((await ingress.OnBlockAsync(Block(Network, 1))).IsAccepted);
        string file = "restart.bin";
        byte[] bytes = new byte[40_000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(node.DataDirectory, file), bytes);
        Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(node.DataDirectory, file)), node.Prover);
        RegisteredChain registration = await node.Grains.GetGrain<IChainGrain>(chainId.ToString())
            .RegisterAsync(new ChainRegistrationRequest(file, Network));
        for (ulong height = 2; height <= 5; height++)
        {
            Assert.Equal(BlockOutcome.Recorded, (await ingress.OnBlockAsync(Block(Network, height))).Outcome);
        }

        ChainInfo before = await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).GetInfoAsync();
        BlockRecord recordBefore = (await ingress.GetBlockAsync(5))!;
        Assert.Equal(4UL, before.ChainLength);
        Assert.Equal(1UL, recordBefore.TotalChains);
        await node.StopAsync();

        // The state is in the SQLite file: the latest schema, and one row per grain with a payload.
        Assert.Equal((long)SqliteSchema.LatestVersion, node.Query("SELECT MAX(Version) FROM OrleansProofsSchema")[0][0]);
        List<object?[]> rows = node.Query("SELECT GrainTypeString, GrainIdExtensionString, Version, length(PayloadBinary) FROM OrleansStorage ORDER BY GrainTypeString");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["chain", chainId.ToString()], rows[0][..2]);
        Assert.Equal(["ingress", Network], rows[1][..2]);
        Assert.Equal(["roster", Network], rows[2][..2]);
        Assert.All(rows, row => Assert.True((long)row[3]! > 0, $"{row[0]}: {row[3]} payload bytes"));

        // The ingress writes its state once per block (plus the enrollment); the chain does not: its
        // records are in the commitment log, one row per block, and its state is checkpointed only
        // every ChainCheckpointBlocks blocks (32 by default, at a height staggered by chain id): registration
        // wrote it twice, and these 4 blocks hold at most one checkpoint.
        Assert.True((long)rows[1][2]! >= 5, $"ingress: version {rows[1][2]}");
        Assert.InRange((long)rows[0][2]!, 2L, 3L);
        List<object?[]> logged = node.Query($"SELECT Height FROM OrleansProofsCommitments WHERE Network = '{Network}' ORDER BY Height");
        Assert.Equal([2L, 3L, 4L, 5L], logged.Select(row => (long)row[0]!));

        await node.StartAsync();
        IChainGrain chain = node.Grains.GetGrain<IChainGrain>(chainId.ToString());
        ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        ChainInfo after = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Active, after.Status);
        Assert.Equal(before.HeadCommitment, after.HeadCommitment);
        Assert.Equal(before.ChainLength, after.ChainLength);
        Assert.Equal(before.HeadHeight, after.HeadHeight);
        Assert.Equal(before.Header, after.Header);
        // The head and window came back from the commitment log (the chain state holds the anchor only).
        // ChainRecord.Equals compares every field and both arrays (xunit's collection comparer
        // would compare the records' ImmutableArray properties by reference).
        Assert.Equal(4, after.Window.Length);
        Assert.True(before.Window.SequenceEqual(after.Window), "The proof window read back differs from the one written.");
        Assert.Equal(registration.AnchorHeight, after.Header!.AnchorHeight);

        BlockRecord recordAfter = (await ingress.GetBlockAsync(5))!;
        Assert.Equal(recordBefore.GlobalRoot, recordAfter.GlobalRoot);
        Assert.Equal(recordBefore.PreviousGlobalRoot, recordAfter.PreviousGlobalRoot);
        Assert.Equal(recordBefore.BlockHash, recordAfter.BlockHash);
        Assert.Equal(recordBefore.Signature.ToArray(), recordAfter.Signature.ToArray());
        Assert.Equal(recordBefore.Groups.ToArray(), recordAfter.Groups.ToArray());
        Assert.Equal(5UL, (await ingress.GetLatestAsync())!.Height);
        Assert.Equal(BlockOutcome.Duplicate, (await ingress.OnBlockAsync(Block(Network, 5))).Outcome);

        BlockResult next = await ingress.OnBlockAsync(Block(Network, 6));
        Assert.Equal(BlockOutcome.Recorded, next.Outcome);
        Assert.Equal(recordBefore.GlobalRoot, next.Record!.PreviousGlobalRoot);
        Assert.Equal(1UL, next.Record.TotalChains);
        ChainInfo continued = await chain.GetInfoAsync();
        Assert.Equal(before.ChainLength + 1, continued.ChainLength);
        Assert.Equal(before.HeadCommitment, (await chain.GetRecordAsync(6))!.PreviousCommitment);
    }

    [Fact]
    public async Task DevChainFollowerRegistersDemoFilesAndResumesAfterARestart()
    {
        const string Network = "follow";
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [NodeHost.ChainSection + ":Network"] = Network,
            [NodeHost.ChainSection + ":Seed"] = Seed,
            [NodeHost.ChainSection + ":BlockInterval"] = "00:00:00.200",
            [NodeHost.ChainSection + ":DemoFileSize"] = "20000",
        });
        await node.StartAsync("--demo-files", "2");
        BlockRecord covered = await WaitForAsync(node, Network, record => record.TotalChains == 2, "a block covering both demo chains");
        Assert.True(File.Exists(Path.Combine(node.DataDirectory, DemoFileRegistrar.DataPathOf(1))));
        Assert.True(File.Exists(Path.Combine(node.DataDirectory, DemoFileRegistrar.DataPathOf(2))));
        await node.StopAsync();

        IBlockIngressGrain ingress;
        await node.StartAsync("--demo-files", "2");
        ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        BlockRecord last = (await ingress.GetLatestAsync())!;
        Assert.True(last.Height >= covered.Height);
        BlockRecord resumed = await WaitForAsync(node, Network, record => record.Height >= last.Height + 2, $"two blocks after height {last.Height}");
        await node.StopAsync();
        await node.StartAsync("--block-source", BlockSourceOptions.NoSource);
        ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        for (ulong height = covered.Height; height <= resumed.Height; height++)
        {
            BlockRecord record = (await ingress.GetBlockAsync(height))
                ?? throw new Xunit.Sdk.XunitException($"Network {Network} has no record at height {height} (covered {covered.Height}, resumed {resumed.Height}).");
            Assert.Equal(DevBlockSource.HashAt(Seed, Network, height), record.BlockHash);
            Assert.Equal(2UL, record.TotalChains);
            Assert.Equal(0UL, record.Faults);
        }
    }

    private static BlockAnnouncement Block(string network, ulong height) =>
        new(height, DevBlockSource.HashAt(Seed, network, height), 1_700_000_000 + 2 * height);

    private static async Task<BlockRecord> WaitForAsync(EmbeddedNode node, string network, Func<BlockRecord, bool> condition, string what)
    {
        IBlockIngressGrain ingress = node.Grains.GetGrain<IBlockIngressGrain>(network);
        DateTime deadline = DateTime.UtcNow.AddSeconds(90);
        BlockRecord? latest = null;
        while (DateTime.UtcNow < deadline)
        {
            latest = await ingress.GetLatestAsync();
            if (latest is not null && condition(latest))
            {
                return latest;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what} on network {network}; latest block: {latest?.Height.ToString() ?? "none"} with {latest?.TotalChains ?? 0} chains.");
    }
}
