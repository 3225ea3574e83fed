// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// Enrollment: a chain anchored at the latest block joins a stable group from the next block.
/// Enrollments interleave with each other (the contract marks the call <c>[AlwaysInterleave]</c>) so that
/// the ones arriving together share one state write: registering N chains costs about N / batch writes
/// of the roster, not N. They never run inside a block or a removal (<see cref="EnterExclusiveAsync"/>):
/// a new enrollment waits for it and then usually finds its anchor stale, and the chain re-anchors.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    private readonly List<PendingEnrollment> _pendingEnrollments = [];
    private Task? _enrollmentFlush;

    /// <inheritdoc/>
    public async Task<ChainPlacement> EnrollChainAsync(ChainEnrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);

        // An enrolled chain (a repeated registration) is answered at once, even during a block that
        // commits it: waiting would deadlock on that very chain.
        if (Decide(Current, enrollment) is { } decided)
        {
            return decided;
        }

        while (_exclusive is { } busy)
        {
            await busy.Task;
        }

        if (Decide(Current, enrollment) is { } decidedAfterWait)
        {
            return decidedAfterWait;
        }

        PendingEnrollment pending = new(enrollment);
        _pendingEnrollments.Add(pending);
        _enrollmentFlush ??= FlushEnrollmentsAsync();
        return await pending.Answer.Task;
    }

    private ChainPlacement Placement(ChainEntryState entry) =>
        new(IsStale: false, entry.GroupId, GroupAssignment.RegionOf(entry.GroupId, node.Parameters.GroupsPerRegion), entry.AnchorHeight + 1);

    /// <summary>
    /// The answer for an enrollment that needs no new roster entry (already enrolled, or a stale anchor),
    /// null when it is a new chain anchored at the latest block.
    /// </summary>
    /// <exception cref="ArgumentException">Enrolled with another anchor, no block recorded, or an anchor that is not a recorded block.</exception>
    private ChainPlacement? Decide(IngressState s, ChainEnrollment enrollment)
    {
        if (RosterIndex(s).TryGetValue(enrollment.ChainId, out int index))
        {
            ChainEntryState enrolled = s.Chains[index];
            if (enrolled.AnchorHeight == enrollment.AnchorHeight && enrolled.AnchorBlockHash == enrollment.AnchorBlockHash)
            {
                return Placement(enrolled);
            }

            throw new ArgumentException(
                $"Chain {enrollment.ChainId} is enrolled with anchor height {enrolled.AnchorHeight} ({enrolled.AnchorBlockHash}); the request has height {enrollment.AnchorHeight} ({enrollment.AnchorBlockHash}).",
                nameof(enrollment));
        }

        BlockRecord latest = s.Latest
            ?? throw new ArgumentException($"No block is recorded yet; chain {enrollment.ChainId} cannot anchor at height {enrollment.AnchorHeight}.", nameof(enrollment));
        if (enrollment.AnchorHeight != latest.Height || enrollment.AnchorBlockHash != latest.BlockHash)
        {
            bool olderRecordedBlock = enrollment.AnchorHeight < latest.Height
                && (s.Find(enrollment.AnchorHeight) is not { } known || known.BlockHash == enrollment.AnchorBlockHash);
            if (olderRecordedBlock)
            {
                // A block arrived after the chain read its anchor: it re-anchors to the new latest block.
                return new ChainPlacement(IsStale: true, 0, 0, 0);
            }

            throw new ArgumentException(
                $"Chain {enrollment.ChainId} anchors at height {enrollment.AnchorHeight} ({enrollment.AnchorBlockHash}), which is not a recorded block (latest: {latest.Height}, {latest.BlockHash}).",
                nameof(enrollment));
        }

        return null;
    }

    /// <summary>Writes the queued enrollments, one state write per batch, until none is left.</summary>
    private async Task FlushEnrollmentsAsync()
    {
        try
        {
            // The enrollments already delivered to this activation join the first batch.
            await Task.Yield();
            while (_pendingEnrollments.Count > 0)
            {
                PendingEnrollment[] batch = [.. _pendingEnrollments];
                _pendingEnrollments.Clear();
                try
                {
                    await WriteEnrollmentsAsync(batch);
                }
                catch (Exception error)
                {
                    // Whatever went wrong, no caller is left waiting: the unanswered ones get the error.
                    Array.ForEach(batch, p => p.Answer.TrySetException(error));
                }
            }
        }
        finally
        {
            _enrollmentFlush = null;
        }
    }

    /// <summary>Decides each enrollment again against the current roster, places the new ones in order and writes them together.</summary>
    private async Task WriteEnrollmentsAsync(PendingEnrollment[] batch)
    {
        IngressState s = Current;
        List<PendingEnrollment> accepted = new(batch.Length);
        List<ulong?> expiries = new(batch.Length);
        Dictionary<Core.Hashing.Hash32, PendingEnrollment> first = [];
        List<(PendingEnrollment Repeat, PendingEnrollment First)> repeats = [];
        foreach (PendingEnrollment pending in batch)
        {
            try
            {
                if (Decide(s, pending.Enrollment) is { } decided)
                {
                    pending.Answer.TrySetResult(decided);
                }
                else if (first.TryGetValue(pending.Enrollment.ChainId, out PendingEnrollment? earlier))
                {
                    repeats.Add((pending, earlier));
                }
                else
                {
                    expiries.Add(ExpiresAt(pending.Enrollment, s.Latest!));
                    first.Add(pending.Enrollment.ChainId, pending);
                    accepted.Add(pending);
                }
            }
            catch (ArgumentException error)
            {
                pending.Answer.TrySetException(error);
            }
        }

        if (accepted.Count > 0)
        {
            BlockRecord latest = s.Latest!;
            uint[] groups = RosterSlots.AssignGroups(s.Chains, latest.Height, node.Parameters.ChainsPerGroup, accepted.Count);
            ChainEntryState[] entries = new ChainEntryState[accepted.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                ChainEnrollment enrollment = accepted[i].Enrollment;
                entries[i] = new ChainEntryState(enrollment.ChainId, groups[i], enrollment.AnchorHeight, enrollment.AnchorBlockHash, expiries[i]);
            }

            try
            {
                await SaveAsync(s with { Chains = s.Chains.AddRange(entries) });
            }
            catch (Exception error)
            {
                accepted.ForEach(p => p.Answer.TrySetException(error));
                repeats.ForEach(r => r.Repeat.Answer.TrySetException(error));
                return;
            }

            CountEnrolled(entries.Length);
            for (int i = 0; i < entries.Length; i++)
            {
                LogChainEnrolled(logger, this.GetPrimaryKeyString(), entries[i].ChainId, entries[i].GroupId, entries[i].AnchorHeight + 1);
                accepted[i].Answer.TrySetResult(Placement(entries[i]));
            }
        }

        foreach ((PendingEnrollment repeat, PendingEnrollment earlier) in repeats)
        {
            ChainEnrollment a = repeat.Enrollment;
            ChainEnrollment b = earlier.Enrollment;
            if (a.AnchorHeight == b.AnchorHeight && a.AnchorBlockHash == b.AnchorBlockHash)
            {
                repeat.Answer.TrySetResult(await earlier.Answer.Task);
            }
            else
            {
                repeat.Answer.TrySetException(new ArgumentException(
                    $"Chain {a.ChainId} is being enrolled with anchor height {b.AnchorHeight}; the request has height {a.AnchorHeight}.", "enrollment"));
            }
        }
    }

    /// <summary>One enrollment waiting for its batch's write.</summary>
    private sealed class PendingEnrollment(ChainEnrollment enrollment)
    {
        public ChainEnrollment Enrollment { get; } = enrollment;

        public TaskCompletionSource<ChainPlacement> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
