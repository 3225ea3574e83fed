// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Checkpoints;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// A verifier node audits the checkpoints a prover node submits to the shared chain: the prover's honest
/// checkpoints (every 8 blocks) agree with the block records the verifier verified and are released by the
/// prover after the dispute window; a checkpoint signed by the prover's key for a global root it never
/// published is slashed through the ledger, with both signed byte strings as evidence and a signed verdict.
/// </summary>
public sealed class CheckpointAuditTests
{
    [Fact]
    public async Task ACheckpointForARootNeverPublished_IsSlashed_AndHonestOnesAreReleased()
    {
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 16, checkpoints: true);
        await using AuditNetwork owned = network;
        string account = network.ProverKey.ToString();
        await network.Ledger.CreditAsync("fund/checkpoints", account, 100_000);
        for (int i = 0; i < 10; i++)
        {
            await network.NextBlockAsync();
        }

        // Height 8's honest checkpoint was audited as consistent. The prover now signs another checkpoint for
        // height 8 with a root it never published, and backs it with a bond, as a cheating prover would.
        SubmittedCheckpoint honest = Assert.Single(await network.Checkpoints.ReadAsync("dev", 0, 10), c => c.Prover == network.ProverKey.AsHash32());
        ProverCheckpoint published = ProverCheckpoint.Decode(honest.Bytes.AsSpan());
        const string forgedBond = "bond/checkpoint/forged/8";
        Assert.True((await network.Ledger.CreateBondAsync(forgedBond, account, BondPurpose.Checkpoint, 1_000)).Succeeded);
        byte[] forged;
        using (NodeKey proverKey = NodeKeyFile.Load(Path.Combine(network.Prover.DataDirectory, "node.key")))
        {
            forged = (published with { GlobalRoot = Sha256.Hash("a root never published"u8), BondId = forgedBond }).Sign(proverKey);
        }

        await network.Checkpoints.SubmitAsync("dev", ImmutableArray.Create(forged));
        for (int i = 0; i < 16; i++)
        {
            await network.NextBlockAsync();
        }

        ImmutableArray<CheckpointAudit> audits = await network.Audit.GetCheckpointAuditsAsync(256);
        CheckpointAudit disputed = Assert.Single(audits, a => !a.Consistent);
        Assert.Equal(8UL, disputed.Height);
        Assert.Equal("slashed", disputed.Settlement);
        Assert.Equal(forged, disputed.Checkpoint.ToArray());
        Assert.Equal(published.GlobalRoot.ToString(), disputed.RecordGlobalRoot);
        LedgerBond slashed = (await network.Ledger.GetBondAsync(forgedBond))!;
        Assert.Equal((BondState.Slashed, 1_000UL), (slashed.State, slashed.SlashedAmount));

        // The evidence stands on its own: both byte strings carry the prover's signature and disagree.
        ProverCheckpoint claim = Assert.IsType<ProverCheckpoint>(ProverCheckpoint.DecodeVerified(disputed.Checkpoint.AsSpan(), network.ProverKey));
        Core.Proofs.BlockAttestation record = new(8, published.BlockHash, Hash32.Parse(disputed.RecordGlobalRoot), disputed.RecordTotalChains, 0, disputed.RecordVdfIterations, published.VdfState);
        Assert.NotEqual(record.GlobalRoot, claim.GlobalRoot);
        CheckpointAuditReport verdict = Assert.IsType<CheckpointAuditReport>(CheckpointAuditReport.DecodeVerified(disputed.Report.AsSpan(), network.VerifierKey));
        Assert.False(verdict.Consistent);
        Assert.Equal((network.ProverKey, 8UL, Sha256.Hash(forged)), (verdict.Prover, verdict.Height, verdict.CheckpointHash));

        // Honest checkpoints at 8, 16 and 24 were audited as consistent and, past the 16-block window, released.
        Assert.Equal(new ulong[] { 8, 16, 24 }, audits.Where(a => a.Consistent).Select(a => a.Height).Order().ToArray());
        foreach (SubmittedCheckpoint submitted in (await network.Checkpoints.ReadAsync("dev", 0, 10)).Where(c => c.Prover == network.ProverKey.AsHash32() && !c.Bytes.AsSpan().SequenceEqual(forged)))
        {
            ProverCheckpoint checkpoint = ProverCheckpoint.Decode(submitted.Bytes.AsSpan());
            BondState expected = checkpoint.Height + 16 <= network.Height ? BondState.Released : BondState.Active;
            Assert.Equal(expected, (await network.Ledger.GetBondAsync(checkpoint.BondId))!.State);
        }

        Assert.All(audits.Where(a => a.Consistent), a => Assert.True(CheckpointAuditReport.DecodeVerified(a.Report.AsSpan(), network.VerifierKey)!.Consistent));
    }
}
