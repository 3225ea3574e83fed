// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Workers;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Aggregation;

/// <summary>
/// The stateless workers compute real results: the chunk selection equals the indices every chain
/// record of a driven network holds; the proof verifier accepts proofs built from the grains' own
/// records on both silos of the pair and names the failure of a tampered one; the VDF verifier
/// accepts a signed Core proof and rejects a tampered, re-signed-by-another or malformed one.
/// </summary>
[Collection(AggregationCollection.Name)]
public sealed class WorkerTests(AggregationFixture fixture)
{
    [Fact]
    public async Task ChunkSelectionWorker_MatchesEveryChainRecord_AndProofVerifierWorkerChecksProofs()
    {
        const string Network = "agg-workers";
        AggregationDriver driver = new(fixture, Network, chains: 3);
        List<BlockRecord> blocks = await driver.DriveAsync(fixture.Pair);
        IChunkSelectionWorker selector = fixture.Pair.GrainFactory.GetGrain<IChunkSelectionWorker>(0);
        IProofVerifierWorker verifier = fixture.Pair.GrainFactory.GetGrain<IProofVerifierWorker>(0);
        int checkedRecords = 0;
        foreach (Hash32 chainId in driver.ChainIds)
        {
            ChainInfo info = await fixture.Pair.GrainFactory.GetGrain<IChainGrain>(chainId.ToString()).GetInfoAsync();
            ChainHeader header = Assert.IsType<ChainHeader>(info.Header);
            foreach (ChainRecord record in info.Window.Where(r => r.Kind == ChainRecordKind.Commit))
            {
                BlockRecord block = blocks.Single(b => b.Height == record.Height);
                ImmutableArray<ulong> selected = await selector.SelectAsync(new ChunkSelectionRequest(
                    chainId, BlockEntropy.Compute(block.BlockHash, block.Beacon, block.Height), record.PreviousCommitment,
                    AggregationFixture.SmallGroups.ChunksPerBlock, header.TotalChunks));
                Assert.Equal(record.Indices.ToArray(), selected.ToArray());
                checkedRecords++;
            }

            BlockRecord latest = blocks[^1];
            HierarchyPath path = await fixture.Pair.GrainFactory.GetGrain<IBlockIngressGrain>(Network).GetHierarchyPathAsync(chainId, latest.Height);
            byte[] compact = ProofBuilder.BuildCompact(header, info.Window, path, latest.ToAttestation(), [.. latest.Signature]).Encode();
            ProofVerificationOutcome valid = await verifier.VerifyAsync(new ProofVerificationRequest(Network, ProofFormat.Compact, [.. compact], chainId, [], []));
            Assert.True(valid.IsValid, valid.Reason);
            Assert.True(valid.RegisteredChainChecked);
            Assert.Equal(chainId, valid.ChainId);
            Assert.Equal(latest.Height, valid.Height);

            ProofVerificationOutcome otherChain = await verifier.VerifyAsync(new ProofVerificationRequest(Network, ProofFormat.Compact, [.. compact], Sha256.Hash("other"u8), [], []));
            Assert.False(otherChain.IsValid);
            Assert.Equal(ProofFailure.ChainMismatch, otherChain.Failure);
        }

        // Two chains covered by blocks 101-105, one by 103-105.
        Assert.Equal((2 * 5) + 3, checkedRecords);
        ProofVerificationOutcome malformed = await verifier.VerifyAsync(new ProofVerificationRequest(Network, ProofFormat.Path, [1, 2, 3], null, [], []));
        Assert.Equal(ProofFailure.Malformed, malformed.Failure);
        await GrainAssert.RejectsAsync("request", () => selector.SelectAsync(new ChunkSelectionRequest(Hash32.Zero, Hash32.Zero, Hash32.Zero, 0, 10)));
    }

    [Fact]
    public async Task VdfWorker_VerifiesSignedProofs_AndRejectsTamperedOnes()
    {
        VdfBuffer buffer = VdfBuffer.Create(Sha256.Hash("aggregation-vdf"u8), VdfBuffer.MinBytes);
        VdfProof proof = VdfEvaluator.Evaluate(buffer, 600, 100);
        using NodeKey key = NodeKeyFile.Load(Path.Combine(fixture.DataDirectory, "node.key"));
        using NodeKey stranger = NodeKey.Generate();
        byte[] encoded = proof.Encode();
        byte[] signature = proof.Sign(key);
        IVdfWorker worker = fixture.Pair.GrainFactory.GetGrain<IVdfWorker>(0);

        VdfVerificationRequest Request(byte[] bytes, byte[] sig, NodeKey signer) =>
            new([.. bytes], [.. sig], signer.PublicKey.AsHash32(), VdfBuffer.MinBytes, SampleCount: 3, MinimumIterations: 600);

        VdfVerificationOutcome valid = await worker.VerifyAsync(Request(encoded, signature, key));
        Assert.True(valid.IsValid, valid.Message);
        Assert.Equal(3, valid.SegmentsChecked);

        Assert.Equal(nameof(VdfRejection.BadSignature), (await worker.VerifyAsync(Request(encoded, signature, stranger))).Rejection);

        // A changed checkpoint, re-signed so only the re-execution can catch it.
        Hash32[] checkpoints = proof.Checkpoints.ToArray();
        checkpoints[2] = Sha256.Hash("forged"u8);
        VdfProof forged = new(proof.Log2BufferBytes, proof.Seed, proof.Iterations, proof.CheckpointInterval, checkpoints, proof.Output);
        VdfVerificationOutcome tampered = await worker.VerifyAsync(Request(forged.Encode(), forged.Sign(key), key) with { SampleCount = forged.SegmentCount });
        Assert.False(tampered.IsValid);
        Assert.Equal(nameof(VdfRejection.SegmentMismatch), tampered.Rejection);

        Assert.Equal("Malformed", (await worker.VerifyAsync(Request(encoded[..10], signature, key))).Rejection);
        Assert.Equal(nameof(VdfRejection.TooFewIterations), (await worker.VerifyAsync(Request(encoded, signature, key) with { MinimumIterations = 601 })).Rejection);
    }
}
