// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Grains.Blocks;

namespace OrleansProofs.Grains.Chains;

/// <summary>
/// Removal and expiry on the chain's side: the ingress decides the removal height (it owns
/// coverage); the chain records the schedule, and at the removal block writes its archive, releases
/// its replica and refuses further commits. Its header and proof window stay, so proofs and
/// hierarchy paths of earlier blocks can still be built while those blocks are retained.
/// </summary>
internal sealed partial class ChainGrain
{
    /// <inheritdoc/>
    public async Task<RemovalResult> RequestRemovalAsync(string? reason, bool archive)
    {
        if (ChainRemovalRules.FindProblem(reason) is { } problem)
        {
            throw new ArgumentException($"The removal {problem.Field} {problem.Reason}", nameof(reason));
        }

        ChainState s = state.State;
        if (s.Header is null)
        {
            return RemovalResult.Rejected(RemovalRejection.NotRegistered, $"No chain {_chainId} is registered on this node.");
        }

        if (!s.Enrolled)
        {
            return RemovalResult.Rejected(RemovalRejection.NotRegistered,
                $"Chain {_chainId}'s registration did not complete (it is not enrolled on network '{s.Network}'); there is nothing to remove.");
        }

        if (s.Removal is { } existing)
        {
            return RemovalAnswers.AlreadyLeaving(existing, s.RemovalCompleted);
        }

        RemovalResult answer = await Ingress(s.Network).ScheduleRemovalAsync(_chainId, reason ?? string.Empty);
        if (answer.IsScheduled)
        {
            await SaveAsync(s with { Removal = answer.Schedule, Archive = archive });
            LogRemovalRequested(logger, _chainId, answer.Schedule.RemovalHeight, archive);
        }
        else if (answer.Schedule is { } known)
        {
            // The ingress already has this chain leaving (an expiry not yet delivered, or an earlier
            // request whose answer was lost): adopt its schedule; the request itself changes nothing.
            await AdoptAsync(known);
        }

        return answer;
    }

    /// <inheritdoc/>
    public Task OnRemovalScheduledAsync(ChainRemovalSchedule schedule)
    {
        CheckOwnSchedule(schedule);
        return state.State.Removal is null ? AdoptAsync(schedule) : Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task CompleteRemovalAsync(ChainRemovalSchedule schedule)
    {
        CheckOwnSchedule(schedule);
        if (state.State.RemovalCompleted)
        {
            return;
        }

        if (state.State.Removal is null)
        {
            await AdoptAsync(schedule);
        }

        ChainState s = state.State;
        if (s.Archive && s.Header is not null)
        {
            // Written before the replica is released; rewritten whole if a retry gets here again.
            string folder = ChainArchive.Write(node.DataDirectory, _chainId, s, await ReadWindowAsync());
            LogArchived(logger, _chainId, folder);
        }

        ReleaseReplica();

        // Before the completion is saved, so a ledger outage makes the ingress retry (the release is idempotent).
        await ReleaseRegistrationBondAsync();
        await SaveAsync(s with { RemovalCompleted = true });
        LogRemovalCompleted(logger, _chainId, s.Removal!.Kind, s.Removal.RemovalHeight);
    }

    /// <summary>The chain's status from its state.</summary>
    private static ChainStatus StatusOf(ChainState s) => s switch
    {
        { Header: null } => ChainStatus.Unregistered,
        { Removal: { } removal, RemovalCompleted: true } => removal.Kind == RemovalKind.Expiry ? ChainStatus.Expired : ChainStatus.Removed,
        { Removal: not null } => ChainStatus.Removing,
        _ => s.HeadHeight > s.Header.AnchorHeight ? ChainStatus.Active : ChainStatus.Pending,
    };

    /// <summary>A chain does not commit at or after its removal height (the ingress no longer covers it there).</summary>
    /// <exception cref="InvalidOperationException">The ticket is at or past the removal height.</exception>
    private void CheckNotRemoved(ChainState s, BlockTicket ticket)
    {
        if (s.Removal is { } removal && ticket.Height >= removal.RemovalHeight)
        {
            throw new InvalidOperationException(
                $"Chain {_chainId} leaves the network at block {removal.RemovalHeight} ({removal.Kind}); it does not commit at height {ticket.Height}.");
        }
    }

    /// <summary>Records a schedule decided by the ingress; an expiry is archived (nobody chose to discard its records).</summary>
    private Task AdoptAsync(ChainRemovalSchedule schedule) =>
        SaveAsync(state.State with { Removal = schedule, Archive = state.State.Archive || schedule.Kind == RemovalKind.Expiry });

    private void CheckOwnSchedule(ChainRemovalSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.ChainId != _chainId)
        {
            throw new ArgumentException($"The removal schedule is for chain {schedule.ChainId}; this grain is chain {_chainId}.", nameof(schedule));
        }
    }
}
