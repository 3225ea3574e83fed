// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Chains;

/// <summary>Per-block commits: idempotent per height, explicit gaps, durable before returning.</summary>
internal sealed partial class ChainGrain
{
    /// <inheritdoc/>
    public async Task<ChainCommit> CommitAsync(BlockTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ChainState s = state.State;
        ChainHeader header = s.Header
            ?? throw new InvalidOperationException($"Chain {_chainId} is not registered; it cannot commit at height {ticket.Height}.");
        if (ticket.Height <= s.HeadHeight)
        {
            return await RepeatedAsync(s, ticket);
        }

        CheckNotRemoved(s, ticket);

        ImmutableArray<BlockRef> missed = ticket.Missed.IsDefault ? [] : ticket.Missed;
        CheckMissed(s.HeadHeight, ticket, missed);
        List<ChainRecord> added = new(missed.Length + 1);
        Hash32 head = s.Head;
        foreach (BlockRef block in missed)
        {
            ChainRecord gap = ChainRecord.Gap(_chainId, head, block.Height, block.BlockHash);
            added.Add(gap);
            head = gap.Commitment;
        }

        ChainRecord record = ReadAndCommit(header, head, ticket) ?? ChainRecord.Gap(_chainId, head, ticket.Height, ticket.BlockHash);
        added.Add(record);
        ChainState next = Advance(s, added);
        if (IsCheckpointDue(next.HeadHeight))
        {
            await SaveAsync(next);
        }
        else
        {
            // Durable through the commitment log, which the caller writes in one batch per block
            // before the block is published; the grain state is checkpointed every few blocks.
            state.State = next;
        }

        _recent = [.. added];

        LogCommitted(logger, _chainId, ticket.Height, record.Kind, record.Commitment);
        return new ChainCommit(record.Height, record.Kind, record.Commitment, [.. added]);
    }

    /// <summary>A ticket at or below the head: the head's own block again is answered from state; anything else is rejected.</summary>
    private async Task<ChainCommit> RepeatedAsync(ChainState s, BlockTicket ticket)
    {
        // The latest commit's records are in memory; the log is read only after a reactivation.
        ImmutableArray<ChainRecord> window = ticket.Height != s.HeadHeight ? []
            : !_recent.IsEmpty && _recent[^1].Height == ticket.Height ? _recent
            : await ReadWindowAsync();
        if (window.Length > 0 && window[^1] is { } last && last.Height == ticket.Height)
        {
            if (last.BlockHash == ticket.BlockHash)
            {
                // A retried block: the same records again, so the caller's log batch is complete.
                ulong first = ticket.Height - (ticket.Missed.IsDefault ? 0UL : (ulong)ticket.Missed.Length);
                return new ChainCommit(last.Height, last.Kind, last.Commitment, [.. window.Where(r => r.Height >= first)]);
            }

            throw new ArgumentException(
                $"Chain {_chainId} committed height {ticket.Height} for block {last.BlockHash}; the ticket has block {ticket.BlockHash} at the same height.", nameof(ticket));
        }

        throw new ArgumentException(
            $"Chain {_chainId} is at height {s.HeadHeight}; a ticket for height {ticket.Height} is older than its head (already covered).", nameof(ticket));
    }

    /// <summary>The ticket must list exactly the heights between the head and its own height.</summary>
    private void CheckMissed(ulong headHeight, BlockTicket ticket, ImmutableArray<BlockRef> missed)
    {
        ulong next = headHeight + 1;
        bool exact = ticket.Height - next == (ulong)missed.Length;
        for (int i = 0; exact && i < missed.Length; i++)
        {
            exact = missed[i] is { } block && block.Height == next + (ulong)i && !block.BlockHash.IsZero;
        }

        if (!exact)
        {
            string listed = string.Join(", ", missed.Select(b => b?.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"));
            throw new ArgumentException(
                $"Chain {_chainId} is at height {headHeight}; a ticket for height {ticket.Height} must list the skipped heights {next}..{ticket.Height - 1} (with their block hashes) in Missed, in order; it lists [{listed}].",
                nameof(ticket));
        }
    }

    /// <summary>Reads the selected chunks and commits; null when the replica cannot be read (the block becomes a gap).</summary>
    private ChainRecord? ReadAndCommit(ChainHeader header, Hash32 head, BlockTicket ticket)
    {
        try
        {
            using ReplicaStores.Lease replica = node.Replicas.Rent(_chainId, node.ReplicaPathFor(_chainId), checked((long)header.TotalChunks));
            return ChainStep.Commit(header, head, ticket.Height, ticket.BlockHash, ticket.BlockEntropy, ticket.ChunksPerBlock, replica.Store);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            LogReplicaUnreadable(logger, _chainId, ticket.Height, error);
            ReleaseReplica();
            return null;
        }
    }
}
