// SPDX-License-Identifier: MIT

using System.Globalization;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// Chain lifecycle in the roster: pending → active → removing → removed/expired. A removal (operator
/// request or retention expiry) is scheduled at the latest recorded height + RemovalDelayBlocks; the
/// chain is covered through the block before (see <see cref="ChainEntryState.CoversHeight"/>), and
/// once the removal block is recorded its slot is free (<see cref="RosterSlots"/>) and the chain grain
/// completes the removal. Entries stay in the roster while a retained block covered them, so older
/// proof paths can still be rebuilt, and are pruned after.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    /// <inheritdoc/>
    public async Task<RemovalResult> ScheduleRemovalAsync(Hash32 chainId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (ChainRemovalRules.FindProblem(reason) is { } problem)
        {
            throw new ArgumentException($"The removal {problem.Field} {problem.Reason}", nameof(reason));
        }

        using ExclusiveScope exclusive = await EnterExclusiveAsync();
        IngressState s = Current;
        int index = IndexOf(s, chainId);
        if (index < 0 || s.Latest is not { } latest)
        {
            return RemovalResult.Rejected(RemovalRejection.NotRegistered, $"Chain {chainId} is not enrolled on network '{this.GetPrimaryKeyString()}'.");
        }

        ChainEntryState entry = s.Chains[index];
        if (entry.Removal is { } existing)
        {
            return RemovalAnswers.AlreadyLeaving(existing, entry.Completed);
        }

        ChainRemovalSchedule schedule = new(chainId, RemovalKind.Removal, latest.Height, latest.Height + (ulong)node.Parameters.RemovalDelayBlocks, reason);

        // The chain grain is the caller and records the answer itself.
        await SaveAsync(s with { Chains = s.Chains.SetItem(index, entry with { Removal = schedule, ChainNotified = true }) });
        CountRemovalScheduled(StatusOf(entry, latest));
        LogRemovalScheduled(logger, this.GetPrimaryKeyString(), chainId, schedule.Kind, schedule.RemovalHeight, reason);
        return RemovalResult.Scheduled(schedule);
    }

    /// <summary>
    /// Runs after a block is recorded: schedules expiries the block's timestamp reached, tells chain
    /// grains of schedules they have not recorded, completes removals whose block is recorded, and
    /// prunes entries no retained block covers. A chain call that fails is retried at the next block;
    /// it never un-records the block.
    /// </summary>
    private async Task AdvanceLifecycleAsync(BlockRecord record)
    {
        IngressState s = Current;
        ChainEntryState[] chains = [.. s.Chains];
        bool changed = ScheduleExpiries(chains, record);

        for (int i = 0; i < chains.Length; i++)
        {
            if (chains[i] is not { Removal: { } removal, Completed: false } entry)
            {
                continue;
            }

            IChainGrain chain = GrainFactory.GetGrain<IChainGrain>(entry.ChainId.ToString());
            try
            {
                if (!entry.ChainNotified)
                {
                    await chain.OnRemovalScheduledAsync(removal);
                    chains[i] = entry = entry with { ChainNotified = true };
                    changed = true;
                }

                if (removal.RemovalHeight <= record.Height)
                {
                    await chain.CompleteRemovalAsync(removal);
                    chains[i] = entry with { ChainNotified = true, Completed = true };
                    changed = true;
                    LogRemovalCompleted(logger, this.GetPrimaryKeyString(), entry.ChainId, removal.Kind, removal.RemovalHeight);
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogLifecycleCallFailed(logger, this.GetPrimaryKeyString(), entry.ChainId, record.Height, error);
            }
        }

        ulong oldestRetained = s.Blocks.IsEmpty ? record.Height : s.Blocks[0].Height;
        int before = chains.Length;
        chains = [.. chains.Where(c => !(c.Completed && c.Removal!.RemovalHeight <= oldestRetained))];
        changed |= chains.Length != before;
        if (changed)
        {
            await SaveAsync(Current with { Chains = [.. chains] });
        }
    }

    /// <summary>Schedules the expiry of every chain whose retention ended at or before the block's timestamp.</summary>
    private bool ScheduleExpiries(ChainEntryState[] chains, BlockRecord record)
    {
        bool changed = false;
        for (int i = 0; i < chains.Length; i++)
        {
            if (chains[i] is { Removal: null, ExpiresAt: { } expiresAt } entry && expiresAt <= record.Timestamp)
            {
                string reason = string.Create(CultureInfo.InvariantCulture,
                    $"retention ended at {Iso(expiresAt)}; block {record.Height} has timestamp {Iso(record.Timestamp)}");
                ChainRemovalSchedule schedule = new(entry.ChainId, RemovalKind.Expiry, record.Height, record.Height + (ulong)node.Parameters.RemovalDelayBlocks, reason);
                chains[i] = entry with { Removal = schedule, ChainNotified = false };
                changed = true;
                LogRemovalScheduled(logger, this.GetPrimaryKeyString(), entry.ChainId, schedule.Kind, schedule.RemovalHeight, reason);
            }
        }

        return changed;
    }

    /// <summary>When an enrolling chain's retention ends: the anchor block's timestamp + its policy's days.</summary>
    /// <exception cref="ArgumentException">The enrollment names an unknown retention policy.</exception>
    private ulong ExpiresAt(ChainEnrollment enrollment, BlockRecord anchor)
    {
        string policy = enrollment.RetentionPolicy ?? ChainRegistrationRules.DefaultRetentionPolicy;
        if (!ChainRegistrationRules.RetentionPolicies.Contains(policy))
        {
            throw new ArgumentException(
                $"Chain {enrollment.ChainId} names retention policy '{policy}'; it must be one of {string.Join(", ", ChainRegistrationRules.RetentionPolicies)}.", nameof(enrollment));
        }

        return ChainRemovalRules.ExpiresAt(anchor.Timestamp, policy, node.Parameters);
    }

    private int IndexOf(IngressState s, Hash32 chainId) => RosterIndex(s).TryGetValue(chainId, out int index) ? index : -1;

    private static string Iso(ulong unixSeconds) =>
        unixSeconds > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? unixSeconds.ToString(CultureInfo.InvariantCulture) + " (Unix s)"
            : DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
