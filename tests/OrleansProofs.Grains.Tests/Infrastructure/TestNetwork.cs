// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// A fresh network (its own ingress grain) with a deterministic layer-1 chain: block hash at height
/// h = SHA-256 of "name/h". Keeps the public block data a verifier would hold.
/// </summary>
public sealed class TestNetwork(ClusterFixture fixture, string prefix)
{
    /// <summary>The network's name (the ingress key).</summary>
    public string Name { get; } = prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The randomness beacon whose value each announced block carries, or null (zero beacon).</summary>
    public IRandomnessBeacon? Beacon { get; init; }

    /// <summary>The ingress grain.</summary>
    public IBlockIngressGrain Ingress => fixture.Cluster.GrainFactory.GetGrain<IBlockIngressGrain>(Name);

    /// <summary>Public block data by height, as ChainVerifier takes it.</summary>
    public Dictionary<ulong, BlockData> Blocks { get; } = [];

    /// <summary>Public blocks, as ProofVerifier takes them.</summary>
    public PublicBlockTable PublicBlocks { get; } = new();

    /// <summary>The canonical hash of this network's block at <paramref name="height"/>.</summary>
    public Hash32 HashAt(ulong height) => Sha256.Hash(System.Text.Encoding.UTF8.GetBytes($"{Name}/{height}"));

    /// <summary>The canonical announcement at <paramref name="height"/> (timestamp 1,700,000,000 + 16·h).</summary>
    public BlockAnnouncement At(ulong height) => new(height, HashAt(height), 1_700_000_000 + 16 * height);

    /// <summary>
    /// Announces the canonical block at <paramref name="height"/> (with <paramref name="timestamp"/>
    /// instead of the canonical one when given) and, when recorded, remembers its public data.
    /// </summary>
    public async Task<BlockResult> AnnounceAsync(ulong height, ulong? timestamp = null)
    {
        BlockAnnouncement block = timestamp is { } time ? At(height) with { Timestamp = time } : At(height);
        if (Beacon is not null)
        {
            block = block with { Beacon = (await Beacon.GetAsync(height, CancellationToken.None)).Value };
        }

        BlockResult result = await Ingress.OnBlockAsync(block);
        if (result.IsAccepted)
        {
            Blocks[height] = new BlockData(block.BlockHash, block.Beacon);
            PublicBlocks.Add(new PublicBlock(height, block.BlockHash, block.Beacon, block.Timestamp));
        }

        return result;
    }

    /// <summary>
    /// Writes a file of <paramref name="length"/> seeded random bytes, starting with the network's
    /// name (so every network's files are distinct chains), into the data folder; returns its name.
    /// </summary>
    public string WriteFile(int length, int seed)
    {
        string name = $"{Name}-{seed}.bin";
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        System.Text.Encoding.UTF8.GetBytes(Name).CopyTo(bytes, 0);
        File.WriteAllBytes(Path.Combine(fixture.DataDirectory, name), bytes);
        return name;
    }

    /// <summary>The chain id the node's key gives the file <paramref name="name"/> (what a gateway computes before calling the grain).</summary>
    public Hash32 ChainIdOf(string name) => ChainId.Compute(DataHash.Compute(Path.Combine(fixture.DataDirectory, name)), fixture.Prover);

    /// <summary>Registers the data file <paramref name="name"/> on this network under <paramref name="retentionPolicy"/>.</summary>
    public async Task<(IChainGrain Grain, RegisteredChain Registration)> RegisterAsync(string name, string retentionPolicy = ChainRegistrationRules.DefaultRetentionPolicy)
    {
        IChainGrain grain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(ChainIdOf(name).ToString());
        return (grain, await grain.RegisterAsync(new ChainRegistrationRequest(name, Name, retentionPolicy)));
    }
}
