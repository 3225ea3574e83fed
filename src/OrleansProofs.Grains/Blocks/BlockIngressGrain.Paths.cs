// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Aggregation;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// Hierarchy paths for proofs: the chain's group supplies its members' commitments (from memory at
/// the head, otherwise from their chain records), the block record supplies every group and region
/// root, and the path is checked against the recorded global root before it is returned.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    /// <inheritdoc/>
    public async Task<HierarchyPath> GetHierarchyPathAsync(Hash32 chainId, ulong height)
    {
        IngressState s = Current;
        BlockRecord record = s.Find(height)
            ?? throw new ArgumentException($"Block {height} is not retained by this node (retained: {s.Blocks.Length} blocks up to {s.Latest?.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).", nameof(height));
        ChainEntryState[] covered = [.. s.Chains.Where(c => c.CoversHeight(height))];
        ChainEntryState entry = covered.FirstOrDefault(c => c.ChainId == chainId)
            ?? throw new ArgumentException($"Chain {chainId} is not covered by block {height}.", nameof(chainId));
        ImmutableArray<Hash32> members = [.. covered.Where(c => c.GroupId == entry.GroupId).Select(c => c.ChainId)];
        ImmutableArray<MemberCommitment> commitments = await GrainFactory.GetGrain<IGroupGrain>(entry.GroupId, this.GetPrimaryKeyString())
            .GetCommitmentsAsync(new BlockRef(height, record.BlockHash), members);

        HierarchyParameters parameters = node.Parameters.ToHierarchyParameters();
        HierarchyPath path = HierarchyPathBuilder.Build(
            height,
            record.BlockHash,
            record.PreviousGlobalRoot,
            record.TotalChains,
            chainId,
            entry.GroupId,
            [.. commitments.Select(c => new GroupMember(c.ChainId, c.Commitment))],
            [.. record.Groups.Select(g => new LevelRoot(g.Id, g.Root))],
            [.. record.Regions.Select(r => new LevelRoot(r.Id, r.Root))],
            parameters.GroupsPerRegion);
        Hash32 commitment = commitments.First(c => c.ChainId == chainId).Commitment;
        HierarchyVerificationResult check = HierarchyPathVerifier.Verify(path, chainId, height, commitment, record.GlobalRoot, parameters);
        return check.IsValid
            ? path
            : throw new InvalidOperationException($"The path of chain {chainId} at block {height} does not reach the recorded global root {record.GlobalRoot}: {check.Reason}.");
    }
}
