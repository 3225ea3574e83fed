// SPDX-License-Identifier: MIT

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
/// </summary>
internal sealed partial class ChainGrain
{
    /// <summary>The head height of the last state written to grain storage.</summary>
    private ulong _persistedHeight;

    /// <summary>Brings the head up to date from the commitment log: each record above the checkpoint that links to the head.</summary>
    private async Task CatchUpAsync()
    {
        ChainState s = state.State;
        _persistedHeight = s.HeadHeight;
        if (s.Header is null || string.IsNullOrEmpty(s.Network))
        {
            return;
        }

        IReadOnlyList<CommitmentLogEntry> logged = await commitmentLog.ReadChainAsync(s.Network, _chainId, s.HeadHeight);
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
    private ChainState Advance(ChainState s, IReadOnlyList<ChainRecord> added)
    {
        int window = node.Parameters.ProofWindowBlocks;
        ChainRecord[] records = [.. s.Window, .. added];
        return s with
        {
            HeadHeight = added[^1].Height,
            Head = added[^1].Commitment,
            Faults = s.Faults + (ulong)added.Count(r => r.Kind == ChainRecordKind.Gap),
            Window = records.Length > window ? [.. records[^window..]] : [.. records],
        };
    }

    /// <summary>True when the state at <paramref name="headHeight"/> should be written: every interval, at a height staggered by chain id.</summary>
    private bool IsCheckpointDue(ulong headHeight)
    {
        ulong interval = (ulong)node.ChainCheckpointBlocks;
        ulong offset = _chainId.Bytes[0] % interval;
        return headHeight - _persistedHeight >= interval || (headHeight + offset) % interval == 0;
    }
}
