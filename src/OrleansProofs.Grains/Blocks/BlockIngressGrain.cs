// SPDX-License-Identifier: MIT

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansProofs.Abstractions.Aggregation;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// The per-network block pipeline (<see cref="IBlockIngressGrain"/>). It decides which chains a
/// block covers (from the persisted roster), hands each region its groups' member lists
/// (BlockIngressGrain.Aggregate.cs), computes the global root over the region roots and signs. A
/// block is recorded only after every covered chain's commit returned and every group wrote its
/// chains' records to the commitment log (one batch per group); if any of that fails, nothing is
/// recorded and the same block can be announced again (chains answer a repeated height from their
/// head). Enrollment lives in BlockIngressGrain.Enroll.cs, proof paths in BlockIngressGrain.Paths.cs.
/// </summary>
internal sealed partial class BlockIngressGrain(
    [PersistentState("ingress", NodeStorage.ProviderName)] IPersistentState<IngressState> state,
    [PersistentState("roster", NodeStorage.ProviderName)] IPersistentState<IngressRoster> roster,
    NodeContext node,
    ICommitmentLog commitmentLog,
    NodeMetrics metrics,
    ILogger<BlockIngressGrain> logger) : Grain, IBlockIngressGrain
{
    /// <summary>Decides the announcement and, when it is the next block, records it (<see cref="OnBlockAsync"/> adds its telemetry).</summary>
    private async Task<BlockResult> HandleBlockAsync(BlockAnnouncement block)
    {
        using ExclusiveScope exclusive = await EnterExclusiveAsync();
        if (Check(block) is { } decided)
        {
            return decided;
        }

        long started = Stopwatch.GetTimestamp();
        IngressState s = Current;
        ChainEntryState[] covered = [.. s.Chains.Where(c => c.CoversHeight(block.Height))];
        int activated = covered.Count(c => c.AnchorHeight + 1 == block.Height);
        Hash32 entropy = BlockEntropy.Compute(block.BlockHash, block.Beacon, block.Height);
        BlockTicket ticket = new(block.Height, block.BlockHash, entropy, node.Parameters.ChunksPerBlock, []);
        RegionBlockResult[] regions = covered.Length == 0 ? [] : await AggregateAsync(covered, ticket);
        long committed = Stopwatch.GetTimestamp();

        // The global level runs here, over the regions' roots: the same Core functions BlockHierarchy.Build uses.
        Hash32 globalRoot = regions.Length == 0
            ? Hash32.Zero
            : GlobalRoot.Compute(
                block.Height,
                block.BlockHash,
                s.LastGlobalRoot,
                (ulong)covered.Length,
                Array.ConvertAll(regions, r => new LevelRoot(r.RegionId, r.Root)),
                node.Parameters.GlobalIterations);
        long built = Stopwatch.GetTimestamp();
        (ulong vdfIterations, Hash32 vdfState) = await AttestVdfAsync(globalRoot, s.Latest);
        BlockAttestation attestation = new(block.Height, block.BlockHash, globalRoot, (ulong)covered.Length, block.Timestamp, vdfIterations, vdfState);
        byte[] signature = attestation.Sign(node.Key);
        long signed = Stopwatch.GetTimestamp();

        BlockRecord record = new(
            block.Height,
            block.BlockHash,
            block.Timestamp,
            block.Beacon,
            s.LastGlobalRoot,
            globalRoot,
            (ulong)covered.Length,
            (ulong)regions.Sum(r => r.Groups.Sum(g => g.Gaps)),
            attestation.VdfIterations,
            attestation.VdfState,
            node.Key.PublicKey.AsHash32(),
            [.. signature],
            [.. GroupRootsOf(regions)],
            [.. regions.Select(r => new LevelRootData(r.RegionId, r.Root))],
            new BlockTimings(
                Stopwatch.GetElapsedTime(started, committed),
                Stopwatch.GetElapsedTime(committed, built),
                Stopwatch.GetElapsedTime(built, signed),
                Stopwatch.GetElapsedTime(started)));
        BlockRecord[] blocks = [.. s.Blocks, record];
        await SaveAsync(s with
        {
            Blocks = blocks.Length > node.RetainedBlocks ? [.. blocks[^node.RetainedBlocks..]] : [.. blocks],
            LastGlobalRoot = regions.Length == 0 ? s.LastGlobalRoot : globalRoot,
        });
        metrics.Phase(this.GetPrimaryKeyString(), "record", Stopwatch.GetElapsedTime(signed));
        await PruneLogAsync(block.Height);
        LogBlockRecorded(logger, this.GetPrimaryKeyString(), block.Height, covered.Length, activated, record.Faults, globalRoot, record.Timings.Total.TotalMilliseconds);
        await AdvanceLifecycleAsync(record);
        await CheckpointAsync(record);

        // Still exclusive: no enrollment write is in flight, so the recount sees a settled roster.
        RecountChains();
        return BlockResult.Recorded(record);
    }

    /// <inheritdoc/>
    public Task<BlockRecord?> GetBlockAsync(ulong height) => Task.FromResult(Current.Find(height));

    /// <inheritdoc/>
    public Task<BlockRecord?> GetLatestAsync() => Task.FromResult(Current.Latest);

    /// <summary>Decides duplicates and rejections; null when the block is the next one to process.</summary>
    private BlockResult? Check(BlockAnnouncement block)
    {
        if (block.BlockHash.IsZero)
        {
            return BlockResult.Rejected(BlockRejection.Invalid, $"The block hash at height {block.Height} must not be all zero.");
        }

        if (Current.Latest is not { } latest)
        {
            // The first block this network records may be at any height: the node starts following there.
            return null;
        }

        if (block.Height <= latest.Height)
        {
            if (Current.Find(block.Height) is { } existing)
            {
                return existing.BlockHash == block.BlockHash
                    ? BlockResult.Duplicate(existing)
                    : BlockResult.Rejected(BlockRejection.ConflictingHash,
                        $"Height {block.Height} is recorded with block {existing.BlockHash}; the announcement has block {block.BlockHash}.");
            }

            return BlockResult.Rejected(BlockRejection.OlderHeight,
                $"Height {block.Height} is below the latest recorded height {latest.Height} and outside the retained {Current.Blocks.Length} blocks.");
        }

        if (block.Height != latest.Height + 1)
        {
            return BlockResult.Rejected(BlockRejection.Gap,
                $"The next block must be at height {latest.Height + 1}; the announcement is at height {block.Height} (heights {latest.Height + 1}..{block.Height - 1} are missing).");
        }

        return null;
    }

    /// <summary>
    /// Drops commitment history below the retained horizon. The block is already published, so a
    /// failure here only leaves extra rows for the next block's prune.
    /// </summary>
    private async Task PruneLogAsync(ulong height)
    {
        if (height < (ulong)node.RetainedBlocks)
        {
            return;
        }

        try
        {
            await commitmentLog.PruneBelowAsync(this.GetPrimaryKeyString(), height - (ulong)node.RetainedBlocks + 1);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogPruneFailed(logger, this.GetPrimaryKeyString(), height, error);
        }
    }
}
