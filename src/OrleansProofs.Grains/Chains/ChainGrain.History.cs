// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Chains;

/// <summary>
/// How a chain's head stays durable without one grain-state write per block: every block's records go
/// to the <see cref="ICommitmentLog"/> (one batch per block), the grain state is checkpointed every
/// <see cref="Hosting.NodeContext.ChainCheckpointBlocks"/> blocks (staggered by chain id so the writes
/// spread over blocks), and an activation replays the log's records above its checkpoint. The log keeps
/// the retained horizon, at least twice the checkpoint interval, so the records a checkpoint lacks are
/// always there.
/// <para>
/// The proof window is not held in the activation either: at 100,000 chains per silo eight records per
/// chain were most of the silo's memory. The activation keeps only the records of its latest commit
/// (<see cref="_recent"/>: the caller logs them after the commit returns) and reads the rest of the window
/// from the log when a proof or the chain's info asks for it.
/// </para>
/// </summary>
internal sealed partial class ChainGrain
{
    /// <summary>The head height of the last state written to grain storage.</summary>
    private ulong _persistedHeight;

    /// <summary>
    /// The records of the latest commit (usually one; more when blocks were missed), kept until the next
    /// commit because the group writes them to the log only after this grain answered.
    /// </summary>
    private ImmutableArray<ChainRecord> _recent = [];

    /// <summary>Brings the head up to date from the commitment log: each record above the checkpoint that links to the head.</summary>
    private async Task CatchUpAsync()
    {
        // States written before the window moved to the log still carry one: drop it from memory.
        ChainState s = state.State.Window.IsEmpty ? state.State : state.State with { Window = [] };
        state.State = s;
        _persistedHeight = s.HeadHeight;
        if (s.Header is null || string.IsNullOrEmpty(s.Network))
        {
            return;
        }

        IReadOnlyList<CommitmentLogEntry> logged = await commitmentLog.ReadChainAsync(s.Network, s.GroupId, _chainId, s.HeadHeight);
        List<ChainRecord> replay = [];
        foreach (CommitmentLogEntry entry in logged)
        {
            ChainRecord record = entry.Record;
            (ulong Height, Hash32 Commitment) head = replay.Count == 0 ? (s.HeadHeight, s.Head) : (replay[^1].Height, replay[^1].Commitment);
            if (record.Height <= head.Height || record.PreviousCommitment != head.Commitment)
            {
                // A record that does not extend the head (written for a block that was never published and
                // then computed differently) ends the replay: the head is the last linked record.
                LogReplayStopped(logger, _chainId, record.Height, head.Height);
                break;
            }

            replay.Add(record);
        }

        if (replay.Count > 0)
        {
            state.State = Advance(s, replay);
            LogCaughtUp(logger, _chainId, replay.Count, state.State.HeadHeight);
        }
    }

    /// <summary>The state after appending <paramref name="added"/> (ascending, linked) to the head.</summary>
    private static ChainState Advance(ChainState s, IReadOnlyList<ChainRecord> added) => s with
    {
        HeadHeight = added[^1].Height,
        Head = added[^1].Commitment,
        Faults = s.Faults + (ulong)added.Count(r => r.Kind == ChainRecordKind.Gap),
    };

    /// <summary>
    /// The proof window: the chain's last <see cref="Core.Parameters.ConsensusParameters.ProofWindowBlocks"/>
    /// records ending at the head, from <see cref="_recent"/> and the commitment log, each one linked to the
    /// next (a record the log holds for a block that was never published does not link and ends the window).
    /// </summary>
    private async Task<ImmutableArray<ChainRecord>> ReadWindowAsync()
    {
        ChainState s = state.State;
        if (s.Header is null || s.HeadHeight <= s.Header.AnchorHeight)
        {
            return [];
        }

        ulong size = (ulong)node.Parameters.ProofWindowBlocks;
        ulong after = Math.Max(s.Header.AnchorHeight, s.HeadHeight > size ? s.HeadHeight - size : 0);
        Dictionary<ulong, ChainRecord> byHeight = [];
        if (_recent.IsEmpty || _recent[0].Height > after + 1)
        {
            foreach (CommitmentLogEntry entry in await commitmentLog.ReadChainAsync(s.Network, s.GroupId, _chainId, after))
            {
                byHeight[entry.Record.Height] = entry.Record;
            }
        }

        foreach (ChainRecord record in _recent)
        {
            byHeight[record.Height] = record;
        }

        List<ChainRecord> window = new((int)size);
        Hash32 expected = s.Head;
        for (ulong height = s.HeadHeight; height > after && byHeight.TryGetValue(height, out ChainRecord? record) && record.Commitment == expected; height--)
        {
            window.Add(record);
            expected = record.PreviousCommitment;
        }

        window.Reverse();
        return [.. window];
    }

    /// <summary>True when the state at <paramref name="headHeight"/> should be written: every interval, at a height staggered by chain id.</summary>
    private bool IsCheckpointDue(ulong headHeight)
    {
        ulong interval = (ulong)node.ChainCheckpointBlocks;
        ulong offset = _chainId.Bytes[0] % interval;
        return headHeight - _persistedHeight >= interval || (headHeight + offset) % interval == 0;
    }
}
