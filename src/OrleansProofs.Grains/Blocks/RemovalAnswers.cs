// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;

namespace OrleansProofs.Grains.Blocks;

/// <summary>The rejections of a removal request, worded the same by the chain grain and the ingress.</summary>
internal static class RemovalAnswers
{
    /// <summary>The rejection for a chain that is already leaving (<paramref name="completed"/>: already gone), carrying its schedule.</summary>
    public static RemovalResult AlreadyLeaving(ChainRemovalSchedule existing, bool completed)
    {
        string why = string.IsNullOrEmpty(existing.Reason) ? string.Empty : $" ({existing.Reason})";
        if (completed)
        {
            bool expired = existing.Kind == RemovalKind.Expiry;
            return RemovalResult.Rejected(
                expired ? RemovalRejection.AlreadyExpired : RemovalRejection.AlreadyRemoved,
                $"Chain {existing.ChainId} was already {(expired ? "expired" : "removed")} at block {existing.RemovalHeight}{why}.",
                existing);
        }

        string what = existing.Kind == RemovalKind.Expiry ? "expiry" : "removal";
        return RemovalResult.Rejected(
            RemovalRejection.AlreadyRemoving,
            $"Chain {existing.ChainId} is already removing: its {what} was scheduled at block {existing.ScheduledAtHeight} and takes effect at block {existing.RemovalHeight}{why}.",
            existing);
    }
}
