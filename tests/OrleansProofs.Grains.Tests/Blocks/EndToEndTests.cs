// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// Three real files registered through the grains and committed over four blocks: every chain's
/// records verify with Core's ChainVerifier (with possession evidence read from the replica), every
/// block's signature verifies under the node key, and compact proofs built from what the grains
/// return verify with ProofVerifier — at the latest block and at an older one (rebuilt path).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EndToEndTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ThreeChainsOverFourBlocksVerifyWithCore()
    {
        TestNetwork network = new(fixture, "e2e");
        BlockResult first = await network.AnnounceAsync(100);
        Assert.Equal(BlockOutcome.Recorded, first.Outcome);
        Assert.Equal(0UL, first.Record!.TotalChains);

        int[] lengths = [10_000, 70_001, 3 * 4096 + 5];
        List<(IChainGrain Grain, RegisteredChain Registration)> chains = [];
        for (int i = 0; i < lengths.Length; i++)
        {
            (IChainGrain grain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(lengths[i], seed: i + 1));
            Assert.Equal(100UL, registration.AnchorHeight);
            Assert.Equal(101UL, registration.ActivationHeight);
            Assert.Equal((ulong)((lengths[i] + 4095) / 4096), registration.TotalChunks);
            Assert.Equal(ChainStatus.Pending, (await grain.GetInfoAsync()).Status);
            chains.Add((grain, registration));
        }

        for (ulong height = 101; height <= 104; height++)
        {
            BlockResult result = await network.AnnounceAsync(height);
            Assert.Equal(BlockOutcome.Recorded, result.Outcome);
            Assert.Equal(3UL, result.Record!.TotalChains);
            Assert.Equal(0UL, result.Record.Faults);
            Assert.True(result.Record.ToAttestation().VerifySignature(fixture.Prover, result.Record.Signature.AsSpan()), $"signature of block {height}");
        }

        ConsensusParameters parameters = ConsensusParameters.Dev;
        foreach ((IChainGrain grain, RegisteredChain registration) in chains)
        {
            ChainInfo info = await grain.GetInfoAsync();
            Assert.Equal(ChainStatus.Active, info.Status);
            Assert.Equal(4UL, info.ChainLength);
            Assert.Equal(104UL, info.HeadHeight);
            Assert.Equal(registration.ReplicaRoot, info.ReplicaRoot);
            ChainHeader header = Assert.IsType<ChainHeader>(info.Header);
            Assert.Equal(fixture.Prover, header.ProverPublicKey);
            Assert.Equal([101UL, 102, 103, 104], info.Window.Select(r => r.Height));

            var evidence = ReplicaEvidence.Read(fixture.ReplicaPath(registration.ChainId), info.Window);
            ChainVerificationResult verified = ChainVerifier.Verify(header, parameters, network.Blocks, info.Window, evidence.ToDictionary(e => e.Key, e => e.Value));
            Assert.True(verified.IsValid, verified.ToString());
            Assert.Equal(4, verified.VerifiedCommits);
            Assert.Equal(info.HeadCommitment, verified.HeadCommitment);

            await AssertCompactProofVerifies(network, header, info.Window, height: 104);
            await AssertCompactProofVerifies(network, header, info.Window[..2], height: 102);
        }
    }

    private async Task AssertCompactProofVerifies(TestNetwork network, ChainHeader header, IReadOnlyList<ChainRecord> window, ulong height)
    {
        BlockRecord block = Assert.IsType<BlockRecord>(await network.Ingress.GetBlockAsync(height));
        HierarchyPath path = await network.Ingress.GetHierarchyPathAsync(header.ChainId, height);
        CompactProof proof = ProofBuilder.BuildCompact(header, window, path, block.ToAttestation(), [.. block.Signature]);
        ProofVerificationContext context = new(fixture.Prover, ConsensusParameters.Dev, network.PublicBlocks)
        {
            RegisteredChain = header,
            ExpectedChainId = header.ChainId,
        };

        ProofVerificationResult result = ProofVerifier.Verify(ProofFormat.Compact, proof.Encode(), context);
        Assert.True(result.IsValid, $"compact proof of {header.ChainId} at {height}: {result.Reason}");
        Assert.Equal(height, result.Height);
    }
}
