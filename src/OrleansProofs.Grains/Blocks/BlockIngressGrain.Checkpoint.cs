// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Ledger;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// Layer-1 checkpoints (docs/protocol.md §11): after recording a block at a height divisible by the
/// checkpoint interval, the prover posts a checkpoint bond (ConsensusParameters.CheckpointBond), signs
/// a <see cref="ProverCheckpoint"/> restating the block record (global root, chain count, VDF work,
/// bond id) and submits it through <see cref="ICheckpointChannel"/>. Once
/// <see cref="CheckpointOptions.DisputeWindowBlocks"/> more blocks are recorded, a bond nobody slashed is
/// released. Nothing here can un-record a block: a failure is logged and retried at the next block
/// while the checkpointed record is still retained (bond, signature and submission are idempotent).
/// </summary>
internal sealed partial class BlockIngressGrain
{
    private ulong _checkpointSubmitted;

    /// <summary>
    /// The checkpoint bond's id (and create movement id) for <paramref name="account"/>'s checkpoint at
    /// <paramref name="height"/> of <paramref name="network"/>: <c>bond/checkpoint/{account}/{16 hex of SHA-256(network)}/{height}</c>
    /// (at most 118 characters, unique per prover, network and height in a ledger shared by many).
    /// </summary>
    public static string CheckpointBondId(string account, string network, ulong height)
    {
        string networkTag = Convert.ToHexStringLower(Core.Hashing.Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(network)).Bytes[..8]);
        return string.Create(CultureInfo.InvariantCulture, $"bond/checkpoint/{account}/{networkTag}/{height}");
    }

    /// <summary>Submits the checkpoint due at or before <paramref name="record"/> and releases bonds past their dispute window.</summary>
    private async Task CheckpointAsync(BlockRecord record)
    {
        CheckpointOptions options = ServiceProvider.GetRequiredService<IOptions<CheckpointOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        ulong interval = (ulong)options.IntervalFor(node.Parameters);
        try
        {
            ulong due = record.Height - record.Height % interval;
            if (due > 0 && due > _checkpointSubmitted && state.State.Find(due) is { } checkpointed)
            {
                await SubmitCheckpointAsync(checkpointed);
                _checkpointSubmitted = due;
            }

            await ReleaseCheckpointBondsAsync(record.Height, interval, (ulong)options.DisputeWindowBlocks);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogCheckpointFailed(logger, this.GetPrimaryKeyString(), record.Height, error);
        }
    }

    private async Task SubmitCheckpointAsync(BlockRecord record)
    {
        ITokenLedger ledger = ServiceProvider.GetRequiredService<ITokenLedger>();
        string account = ProverAccount.Of(node.Key.PublicKey);
        string bondId = CheckpointBondId(account, this.GetPrimaryKeyString(), record.Height);
        LedgerResult bond = await ledger.CreateBondAsync(bondId, account, BondPurpose.Checkpoint, node.Parameters.CheckpointBond);
        if (!bond.Succeeded)
        {
            // Retried at the next block while the record is retained (the operator may top the account up).
            throw new InvalidOperationException($"The checkpoint bond {bondId} was refused ({bond.Rejection}): {bond.Detail}");
        }

        ProverCheckpoint checkpoint = new(
            node.Key.PublicKey, record.Height, record.BlockHash, record.GlobalRoot, record.TotalChains, record.VdfIterations, record.VdfState, bondId);
        byte[] signed = checkpoint.Sign(node.Key);
        await ServiceProvider.GetRequiredService<ICheckpointChannel>().SubmitAsync(this.GetPrimaryKeyString(), ImmutableArray.Create(signed));
        LogCheckpointSubmitted(logger, this.GetPrimaryKeyString(), record.Height, record.GlobalRoot, bondId);
    }

    /// <summary>
    /// Releases the bonds of the last two checkpoints whose dispute window ended at or before
    /// <paramref name="height"/> (the second catches a release a failed block missed). A slashed bond is
    /// no longer active and stays slashed.
    /// </summary>
    private async Task ReleaseCheckpointBondsAsync(ulong height, ulong interval, ulong window)
    {
        if (height < window + interval)
        {
            return;
        }

        ITokenLedger ledger = ServiceProvider.GetRequiredService<ITokenLedger>();
        string account = ProverAccount.Of(node.Key.PublicKey);
        ulong newest = (height - window) - (height - window) % interval;
        for (ulong checkpointHeight = newest; checkpointHeight > 0 && checkpointHeight + 2 * interval > newest; checkpointHeight -= interval)
        {
            string bondId = CheckpointBondId(account, this.GetPrimaryKeyString(), checkpointHeight);
            if (await ledger.GetBondAsync(bondId) is not { State: BondState.Active })
            {
                continue;
            }

            LedgerResult released = await ledger.ReleaseBondAsync("release/" + bondId, bondId);
            if (released.Outcome == LedgerOutcome.Applied)
            {
                LogCheckpointBondReleased(logger, this.GetPrimaryKeyString(), checkpointHeight, bondId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network}: checkpoint at height {Height} (global root {GlobalRoot}) submitted, bond {BondId}")]
    private static partial void LogCheckpointSubmitted(ILogger logger, string network, ulong height, Core.Hashing.Hash32 globalRoot, string bondId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network}: checkpoint at height {Height} undisputed after its window; bond {BondId} released")]
    private static partial void LogCheckpointBondReleased(ILogger logger, string network, ulong height, string bondId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network {Network}: checkpoint work after block {Height} failed; retried at the next block")]
    private static partial void LogCheckpointFailed(ILogger logger, string network, ulong height, Exception error);
}
