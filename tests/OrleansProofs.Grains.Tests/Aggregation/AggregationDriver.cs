// SPDX-License-Identifier: MIT

using Orleans.TestingHost;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Aggregation;

/// <summary>
/// Drives one network through a cluster of the <see cref="AggregationFixture"/>: a first block,
/// the first chains enrolled, two blocks, more chains, three blocks. The same driver on another
/// cluster of the same node gives the same inputs in the same order.
/// </summary>
public sealed class AggregationDriver(AggregationFixture fixture, string network, int chains)
{
    /// <summary>The first block's height; chains enrolled then are covered from the next.</summary>
    public const ulong FirstHeight = 100;

    /// <summary>The last block's height.</summary>
    public const ulong LastHeight = 105;

    /// <summary>The registered file names, in registration order.</summary>
    public IReadOnlyList<string> Files { get; } = WriteFiles(fixture.DataDirectory, network, chains);

    /// <summary>The chain id of each file, in registration order.</summary>
    public IReadOnlyList<Hash32> ChainIds => [.. Files.Select(f => ChainId.Compute(DataHash.Compute(Path.Combine(fixture.DataDirectory, f)), fixture.Prover))];

    /// <summary>The canonical block at <paramref name="height"/>.</summary>
    public BlockAnnouncement At(ulong height) =>
        new(height, Sha256.Hash(System.Text.Encoding.UTF8.GetBytes($"{network}/{height}")), 1_700_000_000 + 16 * height);

    /// <summary>Runs every block on <paramref name="cluster"/> and returns the records, by height.</summary>
    public async Task<List<BlockRecord>> DriveAsync(TestCluster cluster)
    {
        IBlockIngressGrain ingress = cluster.GrainFactory.GetGrain<IBlockIngressGrain>(network);
        List<BlockRecord> records = [await AnnounceAsync(ingress, FirstHeight)];
        int firstWave = (Files.Count + 1) / 2;
        await RegisterAsync(cluster, Files.Take(firstWave));
        records.Add(await AnnounceAsync(ingress, FirstHeight + 1));
        records.Add(await AnnounceAsync(ingress, FirstHeight + 2));
        await RegisterAsync(cluster, Files.Skip(firstWave));
        for (ulong height = FirstHeight + 3; height <= LastHeight; height++)
        {
            records.Add(await AnnounceAsync(ingress, height));
        }

        return records;
    }

    private async Task<BlockRecord> AnnounceAsync(IBlockIngressGrain ingress, ulong height)
    {
        BlockResult result = await ingress.OnBlockAsync(At(height));
        Assert.Equal(BlockOutcome.Recorded, result.Outcome);
        return result.Record!;
    }

    /// <summary>One at a time, so enrollment order (and so group assignment) is the file order.</summary>
    private async Task RegisterAsync(TestCluster cluster, IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(fixture.DataDirectory, file)), fixture.Prover);
            await cluster.GrainFactory.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest(file, network));
        }
    }

    private static string[] WriteFiles(string dataDirectory, string network, int count)
    {
        string[] names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = $"{network}-{i}.bin";
            byte[] bytes = new byte[(2 * 4096) + (i * 977) + 1];
            new Random(i + 1).NextBytes(bytes);
            System.Text.Encoding.UTF8.GetBytes(network).CopyTo(bytes, 0);
            File.WriteAllBytes(Path.Combine(dataDirectory, names[i]), bytes);
        }

        return names;
    }
}
