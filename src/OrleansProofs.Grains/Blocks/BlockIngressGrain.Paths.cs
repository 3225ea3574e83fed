// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Blocks;

/// <summary>Hierarchy paths for proofs: from the latest block's hierarchy, or rebuilt from the chains' records and checked.</summary>
internal sealed partial class BlockIngressGrain
{
    /// <inheritdoc/>
    public async Task<HierarchyPath> GetHierarchyPathAsync(Hash32 chainId, ulong height)
    {
        IngressState s = state.State;
        BlockRecord record = s.Find(height)
            ?? throw new ArgumentException($"Block {height} is not retained by this node (retained: {s.Blocks.Length} blocks up to {s.Latest?.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).", nameof(height));
        ChainEntryState[] covered = [.. s.Chains.Where(c => c.CoversHeight(height))];
        if (!covered.Any(c => c.ChainId == chainId))
        {
            throw new ArgumentException($"Chain {chainId} is not covered by block {height}.", nameof(chainId));
        }

        BlockHierarchy hierarchy = _latestHierarchy is { } latest && latest.Height == height && latest.BlockHash == record.BlockHash
            ? latest
            : await RebuildAsync(record, covered);
        return hierarchy.GetPath(chainId);
    }

    /// <summary>Rebuilds a block's hierarchy from every covered chain's record at that height in the commitment log and checks it against the recorded global root.</summary>
    private async Task<BlockHierarchy> RebuildAsync(BlockRecord record, ChainEntryState[] covered)
    {
        IReadOnlyList<CommitmentLogEntry> logged = await commitmentLog.ReadHeightAsync(this.GetPrimaryKeyString(), record.Height);
        Dictionary<Hash32, ChainRecord> byChain = logged.ToDictionary(e => e.ChainId, e => e.Record);
        ChainEntry[] entries = new ChainEntry[covered.Length];
        for (int i = 0; i < covered.Length; i++)
        {
            ChainRecord chainRecord = byChain.TryGetValue(covered[i].ChainId, out ChainRecord? r) && r.BlockHash == record.BlockHash
                ? r
                : throw new InvalidOperationException($"The commitment log holds no record of chain {covered[i].ChainId} for block {record.Height}; the path cannot be rebuilt.");
            entries[i] = new ChainEntry(covered[i].ChainId, covered[i].GroupId, chainRecord.Commitment);
        }

        BlockHierarchy hierarchy = BlockHierarchy.Build(record.Height, record.BlockHash, record.PreviousGlobalRoot, entries, node.Parameters.ToHierarchyParameters());
        if (hierarchy.GlobalRoot != record.GlobalRoot)
        {
            throw new InvalidOperationException($"The rebuilt global root of block {record.Height} is {hierarchy.GlobalRoot}; the record has {record.GlobalRoot}.");
        }

        return hierarchy;
    }
}
