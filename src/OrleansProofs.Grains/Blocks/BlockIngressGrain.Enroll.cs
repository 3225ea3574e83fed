// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Grains.Blocks;

/// <summary>Enrollment: a chain anchored at the latest block joins a stable group from the next block.</summary>
internal sealed partial class BlockIngressGrain
{
    /// <inheritdoc/>
    public async Task<ChainPlacement> EnrollChainAsync(ChainEnrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        IngressState s = state.State;
        if (s.Chains.FirstOrDefault(c => c.ChainId == enrollment.ChainId) is { } enrolled)
        {
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

        uint groupId = RosterSlots.AssignGroup(s.Chains, latest.Height, node.Parameters.ChainsPerGroup);
        ChainEntryState entry = new(enrollment.ChainId, groupId, enrollment.AnchorHeight, enrollment.AnchorBlockHash, ExpiresAt(enrollment, latest));
        await SaveAsync(s with { Chains = s.Chains.Add(entry) });
        LogChainEnrolled(logger, this.GetPrimaryKeyString(), enrollment.ChainId, groupId, enrollment.AnchorHeight + 1);
        return Placement(entry);
    }

    private ChainPlacement Placement(ChainEntryState entry) =>
        new(IsStale: false, entry.GroupId, GroupAssignment.RegionOf(entry.GroupId, node.Parameters.GroupsPerRegion), entry.AnchorHeight + 1);
}
