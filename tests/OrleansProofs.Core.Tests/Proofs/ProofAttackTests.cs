// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Proofs;

/// <summary>
/// Attacks on proofs that are well-formed but dishonest: each is accepted by a format-only check and
/// must be rejected by the verifier's recomputation, naming the failed check.
/// </summary>
public sealed class ProofAttackTests : IDisposable
{
    private readonly ProvingScenario _scenario = ProvingScenario.Run(ProvingScenario.FastParameters, chunkCount: 7, blocks: 5, otherChains: 6);

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void SelectionPrecomputedFromAnotherBlockHash_IsRejected()
    {
        // The prover committed at the last block before it existed, guessing its hash: the public
        // block differs, so the recomputed selection, commitment and root all differ.
        PublicBlockTable forged = CopyBlocks(_scenario.Blocks);
        PublicBlock last = _scenario.Blocks.Get(_scenario.LastHeight)!;
        forged.Add(last with { BlockHash = Sha256.Hash("a guessed block"u8) });
        ProofVerificationResult result = ProofVerifier.VerifyCompact(_scenario.BuildCompact(), _scenario.Context with { Blocks = forged });
        Assert.False(result.IsValid);
        Assert.Equal(ProofFailure.BlockMismatch, result.Failure);
    }

    [Fact]
    public void WindowBlockHashChanged_BreaksTheRecomputedChain()
    {
        PublicBlockTable forged = CopyBlocks(_scenario.Blocks);
        PublicBlock middle = _scenario.Blocks.Get(_scenario.LastHeight - 2)!;
        forged.Add(middle with { BlockHash = Sha256.Hash("another history"u8) });
        ProofVerificationResult result = ProofVerifier.VerifyCompact(_scenario.BuildCompact(), _scenario.Context with { Blocks = forged });
        Assert.Equal(ProofFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void ProofSignedByAnotherKey_IsRejected()
    {
        using NodeKey mallory = NodeKey.Generate();
        BlockAttestation attestation = _scenario.AttestationAt(_scenario.LastHeight);
        CompactProof honest = _scenario.BuildCompact();
        CompactProof forged = honest with { Seal = BlockSeal.From(attestation, attestation.Sign(mallory)) };
        Assert.Equal(ProofFailure.BadSignature, ProofVerifier.VerifyCompact(forged, _scenario.Context).Failure);
    }

    [Fact]
    public void ProofForAnotherRegistration_IsRejected()
    {
        ChainHeader other = ChainHeader.Create(_scenario.Header.DataHash, _scenario.Key.PublicKey, Sha256.Hash("other replica"u8),
            _scenario.Header.FileLength, _scenario.Header.EncodingVersion, _scenario.Header.WorkFactor, _scenario.Header.AnchorHeight, _scenario.Header.AnchorBlockHash);
        ProofVerificationResult result = ProofVerifier.VerifyCompact(_scenario.BuildCompact(), _scenario.Context with { RegisteredChain = other });
        Assert.Equal(ProofFailure.ChainMismatch, result.Failure);
        Assert.Contains("replicaRoot", result.Reason);
    }

    [Fact]
    public void ChunkFromAnotherReplica_FailsPossession()
    {
        FullProof honest = _scenario.BuildFull();
        byte[] foreign = new byte[ProtocolConstants.ChunkSize];
        new Random(99).NextBytes(foreign);
        FullProof forged = honest with { Openings = honest.Openings.SetItem(1, honest.Openings[1] with { Chunk = [.. foreign] }) };
        ProofVerificationResult result = ProofVerifier.VerifyFull(forged, _scenario.Context);
        Assert.Equal(ProofFailure.PossessionFailed, result.Failure);
        Assert.Contains("replica root", result.Reason);
    }

    [Fact]
    public void ChunkOpenedAtTheWrongIndex_FailsPossession()
    {
        FullProof honest = _scenario.BuildFull();
        FullProof swapped = honest with { Openings = honest.Openings.SetItem(0, honest.Openings[1]).SetItem(1, honest.Openings[0]) };
        Assert.Equal(ProofFailure.PossessionFailed, ProofVerifier.VerifyFull(swapped, _scenario.Context).Failure);
    }

    [Fact]
    public void WindowLongerThanTheProfile_IsRejected()
    {
        ConsensusParameters narrower = _scenario.Parameters with { ProofWindowBlocks = 2 };
        ProofVerificationResult result = ProofVerifier.VerifyCompact(_scenario.BuildCompact(window: 3), _scenario.Context with { Parameters = narrower });
        Assert.Equal(ProofFailure.WindowInvalid, result.Failure);
    }

    [Fact]
    public void WindowFromTheAnchor_MustStartAtTheAnchoredCommitment()
    {
        CompactProof honest = _scenario.BuildCompact(window: 5);
        Assert.True(ProofVerifier.VerifyCompact(honest, _scenario.Context with { Parameters = _scenario.Parameters with { ProofWindowBlocks = 5 } }).IsValid);
        CompactProof forged = honest with { Window = honest.Window with { StartCommitment = Sha256.Hash("rewritten genesis"u8) } };
        ProofVerificationResult result = ProofVerifier.VerifyCompact(forged, _scenario.Context with { Parameters = _scenario.Parameters with { ProofWindowBlocks = 5 } });
        Assert.Equal(ProofFailure.BrokenLink, result.Failure);
    }

    [Fact]
    public void UnknownBlock_IsReportedNotGuessed()
    {
        ProofVerificationResult result = ProofVerifier.VerifyCompact(_scenario.BuildCompact(), _scenario.Context with { Blocks = new PublicBlockTable() });
        Assert.Equal(ProofFailure.UnknownBlock, result.Failure);
    }

    [Fact]
    public void ClaimReplayedToAnotherAudit_IsRejected()
    {
        UltraCompactClaim claim = _scenario.BuildClaim(AuditorNonce.Parse("aaaaaaaaaaaaaaaaaaaaaaaa"));
        ProofVerificationResult result = ProofVerifier.VerifyUltraCompact(claim, _scenario.BuildPathProof(), AuditorNonce.Parse("bbbbbbbbbbbbbbbbbbbbbbbb"), _scenario.Context);
        Assert.Equal(ProofFailure.ClaimMismatch, result.Failure);
        Assert.Contains("nonce", result.Reason);
    }

    [Fact]
    public void AttestedTimestampDifferentFromLayerOne_IsRejected()
    {
        PublicBlockTable other = CopyBlocks(_scenario.Blocks);
        PublicBlock last = _scenario.Blocks.Get(_scenario.LastHeight)!;
        other.Add(last with { Timestamp = last.Timestamp + 1 });
        Assert.Equal(ProofFailure.BlockMismatch, ProofVerifier.VerifyPath(_scenario.BuildPathProof(), _scenario.Context with { Blocks = other }).Failure);
    }

    private static PublicBlockTable CopyBlocks(PublicBlockTable source)
    {
        PublicBlockTable copy = new();
        for (ulong h = 0; h < 2_000; h++)
        {
            if (source.Get(h) is { } block)
            {
                copy.Add(block);
            }
        }

        return copy;
    }
}
