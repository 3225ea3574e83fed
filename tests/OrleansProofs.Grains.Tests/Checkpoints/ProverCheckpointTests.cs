// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Checkpoints;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Blocks;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Ledger;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Checkpoints;

/// <summary>
/// The prover's layer-1 checkpoints on the dev profile (every 8 blocks, dispute window 16): each is
/// signed, restates the block record at its height exactly, is backed by a 1,000-unit bond and is
/// readable from the development chain's board; bonds are released once their window passed, and a
/// slashed bond stays slashed. The board refuses unsigned bytes; the options are validated.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProverCheckpointTests(ClusterFixture fixture)
{
    private const int Interval = CheckpointOptions.DevIntervalBlocks;
    private const int Window = 16;

    private string Account => ProverAccount.Of(fixture.Prover);

    [Fact]
    public async Task EveryIntervalASignedBondedCheckpointRestatesTheBlockRecord()
    {
        TestNetwork network = new(fixture, "ckpt");
        await network.AnnounceAsync(1);
        await network.RegisterAsync(network.WriteFile(12_000, seed: 3));
        ulong before = await fixture.Ledger.GetBalanceAsync(Account);
        Dictionary<ulong, BlockRecord> records = [];
        for (ulong height = 2; height <= 40; height++)
        {
            BlockResult result = await network.AnnounceAsync(height);
            records[height] = result.Record!;
            if (height == 32)
            {
                // A verifier slashed this one during its window: the prover must not release it afterwards.
                string slashedId = BlockIngressGrain.CheckpointBondId(Account, network.Name, 32);
                Assert.True((await fixture.Ledger.SlashBondAsync("slash/" + slashedId, slashedId, 1_000, LedgerReason.InvalidCheckpoint)).Succeeded);
            }
        }

        IReadOnlyList<SubmittedCheckpoint> board = await fixture.Cluster.GrainFactory.GetGrain<ICheckpointBoardGrain>(network.Name).ReadAsync(0, 100);
        Assert.Equal([8UL, 16, 24, 32, 40], board.Select(c => c.Height));
        foreach (SubmittedCheckpoint submitted in board)
        {
            ProverCheckpoint checkpoint = Assert.IsType<ProverCheckpoint>(ProverCheckpoint.DecodeVerified(submitted.Bytes.AsSpan(), fixture.Prover));
            BlockRecord record = records[submitted.Height];
            Assert.Equal(
                (record.Height, record.BlockHash, record.GlobalRoot, record.TotalChains, record.VdfIterations, record.VdfState),
                (checkpoint.Height, checkpoint.BlockHash, checkpoint.GlobalRoot, checkpoint.TotalChains, checkpoint.VdfIterations, checkpoint.VdfState));
            Assert.Equal(1UL, checkpoint.TotalChains);
            Assert.Equal(BlockIngressGrain.CheckpointBondId(Account, network.Name, submitted.Height), checkpoint.BondId);
            LedgerBond bond = Assert.IsType<LedgerBond>(await fixture.Ledger.GetBondAsync(checkpoint.BondId));
            Assert.Equal((Account, BondPurpose.Checkpoint, ConsensusParameters.Dev.CheckpointBond), (bond.Account, bond.Purpose, bond.Amount));

            // Released once 16 more blocks were recorded (8, 16 and 24 by height 40), slashed stays slashed.
            BondState expected = submitted.Height == 32 ? BondState.Slashed : submitted.Height + Window <= 40 ? BondState.Released : BondState.Active;
            Assert.True(expected == bond.State, $"bond of checkpoint {submitted.Height}: {bond.State}, expected {expected}");
        }

        // Two bonds are still held (40 active, 32 slashed and burned): the account is 2,000 lower.
        Assert.Equal(before - 2 * ConsensusParameters.Dev.CheckpointBond, await fixture.Ledger.GetBalanceAsync(Account));

        // A block announced again (a follower retry) submits nothing new.
        Assert.Equal(BlockOutcome.Duplicate, (await network.Ingress.OnBlockAsync(network.At(40))).Outcome);
        Assert.Equal(5, (await fixture.Cluster.GrainFactory.GetGrain<ICheckpointBoardGrain>(network.Name).ReadAsync(0, 100)).Count);
    }

    [Fact]
    public async Task TheBoardRefusesBytesWhoseSignatureDoesNotVerify()
    {
        TestNetwork network = new(fixture, "board");
        ICheckpointBoardGrain board = fixture.Cluster.GrainFactory.GetGrain<ICheckpointBoardGrain>(network.Name);
        for (ulong height = 1; height <= Interval; height++)
        {
            await network.AnnounceAsync(height);
        }

        SubmittedCheckpoint honest = Assert.Single(await board.ReadAsync(0, 10));
        byte[] forged = [.. honest.Bytes];
        forged[80] ^= 1; // inside the global root
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => board.SubmitAsync(ImmutableArray.Create(forged)));
        Assert.Contains("signature verifies", error.Message, StringComparison.Ordinal);
        Assert.Equal(honest.Sequence, (await board.SubmitAsync(honest.Bytes)).Sequence);
        Assert.Single(await board.ReadAsync(0, 10));
    }

    [Theory]
    [InlineData(0, 16, "CheckpointOptions.IntervalBlocks")]
    [InlineData(8, 0, "CheckpointOptions.DisputeWindowBlocks")]
    public void InvalidOptionsAreRefusedAtStart(int interval, int window, string field)
    {
        CheckpointOptionsValidator validator = new(Options.Create(new CheckpointOptions { IntervalBlocks = interval, DisputeWindowBlocks = window }));
        Assert.Contains(field, Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration).Message, StringComparison.Ordinal);
        Assert.Equal(225, new CheckpointOptions().IntervalFor(ConsensusParameters.Standard));
        Assert.Equal(Interval, new CheckpointOptions().IntervalFor(ConsensusParameters.Dev));
    }
}
