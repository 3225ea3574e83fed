// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Tests.Infrastructure;
using OrleansProofs.Silo.Beacon;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// Blocks announced with the development beacon's values: the block record carries the value, which
/// verifies under the beacon's public key alone; the chain's selections depend on it (its records
/// verify with the recorded beacon and fail with a zero or forged one); compact proofs verify with the
/// recorded beacon and fail without it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BeaconEntropyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task SelectionsUseTheRecordedBeaconAndVerifyOnlyWithIt()
    {
        using DevRandomnessBeacon beacon = new(NodeKey.Generate());
        DevRandomnessBeacon verifierView = new(beacon.PublicKey);
        TestNetwork network = new(fixture, "beacon") { Beacon = beacon };
        Assert.True((await network.AnnounceAsync(50)).IsAccepted);
        (IChainGrain grain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(9 * 4096, seed: 5));
        for (ulong height = 51; height <= 54; height++)
        {
            BlockResult result = await network.AnnounceAsync(height);
            Assert.Equal(BlockOutcome.Recorded, result.Outcome);
            BlockRecord record = result.Record!;
            BeaconOutput expected = await beacon.GetAsync(height, CancellationToken.None);
            Assert.Equal(expected.Value, record.Beacon);
            Assert.True(verifierView.Verify(expected), $"beacon value of block {height}");
            Assert.False(verifierView.Verify(expected with { Value = network.HashAt(height) }), "a forged value must not verify");
        }

        ChainInfo info = await grain.GetInfoAsync();
        ChainHeader header = Assert.IsType<ChainHeader>(info.Header);
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = ReplicaEvidence.Read(fixture.ReplicaPath(registration.ChainId), info.Window);
        ChainVerificationResult withBeacon = ChainVerifier.Verify(header, ConsensusParameters.Dev, network.Blocks, info.Window, evidence);
        Assert.True(withBeacon.IsValid, withBeacon.ToString());
        Assert.Equal(4, withBeacon.VerifiedCommits);

        // The same blocks with no beacon (zero) give other selections: the records no longer verify.
        Dictionary<ulong, BlockData> zeroBeacon = network.Blocks.ToDictionary(b => b.Key, b => b.Value with { Beacon = null });
        ChainVerificationResult withoutBeacon = ChainVerifier.Verify(header, ConsensusParameters.Dev, zeroBeacon, info.Window, evidence);
        Assert.False(withoutBeacon.IsValid);
        Assert.Equal(ChainFailureReason.SelectionMismatch, withoutBeacon.Reason);

        BlockRecord latest = Assert.IsType<BlockRecord>(await network.Ingress.GetBlockAsync(54));
        HierarchyPath path = await network.Ingress.GetHierarchyPathAsync(header.ChainId, 54);
        byte[] proof = ProofBuilder.BuildCompact(header, info.Window, path, latest.ToAttestation(), [.. latest.Signature]).Encode();
        ProofVerificationContext context = new(fixture.Prover, ConsensusParameters.Dev, network.PublicBlocks)
        {
            RegisteredChain = header,
            ExpectedChainId = header.ChainId,
        };
        ProofVerificationResult verified = ProofVerifier.Verify(ProofFormat.Compact, proof, context);
        Assert.True(verified.IsValid, verified.Reason);

        PublicBlockTable withoutBeaconBlocks = new();
        foreach (ulong height in network.Blocks.Keys)
        {
            PublicBlock known = network.PublicBlocks.Get(height)!;
            withoutBeaconBlocks.Add(known with { Beacon = null });
        }

        Assert.False(ProofVerifier.Verify(ProofFormat.Compact, proof, context with { Blocks = withoutBeaconBlocks }).IsValid);
    }
}
