// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// Two embedded nodes with the same key and files (SQLite storage): one runs six blocks without a
/// stop, the other is stopped and started again after the third. Every block's roots are identical and
/// both signatures verify (the VDF points are each node's own; the restarted node's VDF resumes from its
/// SQLite checkpoints), and after the restart (group activations gone, so commitments are read back
/// from the chains' records) every served path equals the uninterrupted node's and verifies.
/// </summary>
public sealed class AggregationRestartTests
{
    private const string Network = "agg-restart";

    [Fact]
    public async Task RootsAfterARestartEqualThoseOfAnUninterruptedRun()
    {
        await using EmbeddedNode steady = new(Settings());
        await using EmbeddedNode restarted = new(Settings());
        await steady.StartAsync();
        File.Copy(Path.Combine(steady.DataDirectory, "node.key"), Path.Combine(restarted.DataDirectory, "node.key"));
        string[] files = [.. Enumerable.Range(0, 3).Select(i => WriteFile(i, steady.DataDirectory, restarted.DataDirectory))];
        await restarted.StartAsync();

        List<BlockRecord> expected = [];
        List<BlockRecord> actual = [];
        for (ulong height = 1; height <= 6; height++)
        {
            if (height == 4)
            {
                await restarted.StopAsync();
                await restarted.StartAsync();
            }

            expected.Add(await AnnounceAsync(steady, height));
            actual.Add(await AnnounceAsync(restarted, height));
            if (height is 1 or 3)
            {
                foreach (string file in height == 1 ? files[..2] : files[2..])
                {
                    await RegisterAsync(steady, file);
                    await RegisterAsync(restarted, file);
                }
            }
        }

        Assert.Equal([0UL, 2, 2, 3, 3, 3], actual.Select(r => r.TotalChains));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GlobalRoot, actual[i].GlobalRoot);
            Assert.Equal(expected[i].Groups.ToArray(), actual[i].Groups.ToArray());
            Assert.Equal(expected[i].Regions.ToArray(), actual[i].Regions.ToArray());

            // The VDF point (and so the signature) is each node's own; the restarted node's VDF resumed
            // from its last checkpoint in SQLite and still kept every record N iterations past the previous.
            Assert.True(actual[i].ToAttestation().VerifySignature(restarted.Prover, actual[i].Signature.AsSpan()));
            Assert.True(expected[i].ToAttestation().VerifySignature(steady.Prover, expected[i].Signature.AsSpan()));
            if (i > 0)
            {
                Assert.True(actual[i].VdfIterations >= actual[i - 1].VdfIterations + ConsensusParameters.Dev.VdfMinimumIterationsPerBlock);
            }
        }

        VdfStatus vdf = await restarted.Grains.GetGrain<IVdfGrain>(IVdfGrain.GrainKey).GetStatusAsync();
        Assert.Equal(1u, vdf.RestartCount);

        HierarchyParameters parameters = ConsensusParameters.Dev.ToHierarchyParameters();
        foreach (string file in files)
        {
            Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(steady.DataDirectory, file)), steady.Prover);
            foreach (BlockRecord record in actual.Where(r => r.Height >= 4))
            {
                HierarchyPath path = await restarted.Grains.GetGrain<IBlockIngressGrain>(Network).GetHierarchyPathAsync(chainId, record.Height);
                HierarchyPath uninterrupted = await steady.Grains.GetGrain<IBlockIngressGrain>(Network).GetHierarchyPathAsync(chainId, record.Height);
                Assert.Equal(uninterrupted.Encode(), path.Encode());
                ChainRecord chainRecord = Assert.IsType<ChainRecord>(await restarted.Grains.GetGrain<IChainGrain>(chainId.ToString()).GetRecordAsync(record.Height));
                HierarchyVerificationResult verified = HierarchyPathVerifier.Verify(path, chainId, record.Height, chainRecord.Commitment, record.GlobalRoot, parameters);
                Assert.True(verified.IsValid, verified.Reason);
            }
        }
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
        [NodeHost.ChainSection + ":Network"] = Network,
    };

    private static string WriteFile(int seed, params string[] folders)
    {
        string name = $"{Network}-{seed}.bin";
        byte[] bytes = new byte[9_000 + seed];
        new Random(seed).NextBytes(bytes);
        foreach (string folder in folders)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        return name;
    }

    private static async Task<BlockRecord> AnnounceAsync(EmbeddedNode node, ulong height)
    {
        BlockAnnouncement block = new(height, Sha256.Hash(System.Text.Encoding.UTF8.GetBytes($"{Network}/{height}")), 1_700_000_000 + height);
        BlockResult result = await node.Grains.GetGrain<IBlockIngressGrain>(Network).OnBlockAsync(block);
        Assert.Equal(BlockOutcome.Recorded, result.Outcome);
        return result.Record!;
    }

    private static async Task RegisterAsync(EmbeddedNode node, string file)
    {
        Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(node.DataDirectory, file)), node.Prover);
        await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest(file, Network));
    }
}
