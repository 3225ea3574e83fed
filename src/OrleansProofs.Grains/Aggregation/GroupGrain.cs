// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Placement;
using OrleansProofs.Abstractions.Aggregation;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Aggregation;

/// <summary>
/// One group of one network (<see cref="IGroupGrain"/>). Hash-based placement spreads a network's
/// groups evenly over the silos, so a block's chain commits and group-level iterated hashes run on
/// every silo rather than on the ingress's. Membership comes with each block from the ingress; the
/// only thing kept is the last block's commitments, in memory, to answer head paths cheaply. Its
/// members' records reach the commitment log in one batch before it answers, so the group root it
/// returns covers only durable commitments.
/// </summary>
[HashBasedPlacement]
internal sealed partial class GroupGrain(NodeContext node, ICommitmentLog commitmentLog, NodeMetrics metrics, ILogger<GroupGrain> logger) : Grain, IGroupGrain
{
    /// <summary>The last block this activation committed and its members' commitments; lost on deactivation (read back from the commitment log).</summary>
    private (BlockRef Block, Dictionary<Hash32, Hash32> Commitments)? _last;

    private uint GroupId => checked((uint)this.GetPrimaryKeyLong(out _));

    private string Network
    {
        get
        {
            this.GetPrimaryKeyLong(out string? network);
            return network ?? string.Empty;
        }
    }

    /// <inheritdoc/>
    public async Task<GroupBlockResult> CommitBlockAsync(BlockTicket ticket, ImmutableArray<Hash32> members)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        CheckMembers(members, node.Parameters.ChainsPerGroup);
        using Activity? activity = NodeTracing.StartBlock("orleansproofs.block.group", Network, ticket.Height);
        activity?.SetTag("orleansproofs.group.id", GroupId);
        activity?.SetTag(NodeTracing.ChainsTag, members.Length);
        ChainCommit[] commits = await Bounded.RunAsync(members, node.CommitParallelism, async chainId =>
        {
            ChainCommit commit = await GrainFactory.GetGrain<IChainGrain>(chainId.ToString()).CommitAsync(ticket);
            return commit.Height == ticket.Height
                ? commit
                : throw new InvalidOperationException($"Chain {chainId} answered height {commit.Height} for block {ticket.Height}.");
        });

        CommitmentLogEntry[] rows = [.. members.SelectMany((chainId, i) => commits[i].Records.Select(r => new CommitmentLogEntry(chainId, r)))];
        long writing = Stopwatch.GetTimestamp();
        await commitmentLog.AppendAsync(Network, GroupId, rows);
        metrics.CommitmentLogWritten(Network, rows.Length, Stopwatch.GetElapsedTime(writing));
        GroupMember[] committed = new GroupMember[members.Length];
        Dictionary<Hash32, Hash32> byChain = new(members.Length);
        for (int i = 0; i < members.Length; i++)
        {
            committed[i] = new GroupMember(members[i], commits[i].Commitment);
            byChain[members[i]] = commits[i].Commitment;
        }

        uint groupId = GroupId;
        Hash32 root = GroupRoot.Compute(groupId, ticket.Height, committed, node.Parameters.GroupIterations);
        _last = (new BlockRef(ticket.Height, ticket.BlockHash), byChain);
        int gaps = commits.Count(c => c.Kind == ChainRecordKind.Gap);
        LogGroupCommitted(logger, Network, groupId, ticket.Height, members.Length, gaps, root);
        return new GroupBlockResult(groupId, root, members.Length, gaps);
    }

    /// <inheritdoc/>
    public async Task<ImmutableArray<MemberCommitment>> GetCommitmentsAsync(BlockRef block, ImmutableArray<Hash32> members)
    {
        ArgumentNullException.ThrowIfNull(block);
        CheckMembers(members, int.MaxValue);
        if (_last is { } last && last.Block == block && members.All(last.Commitments.ContainsKey))
        {
            return [.. members.Select(m => new MemberCommitment(m, last.Commitments[m]))];
        }

        // An older block, or a new activation: the commitment log holds every retained block's records (read for this group's members only).
        Dictionary<Hash32, ChainRecord> logged = (await commitmentLog.ReadChainsAtAsync(Network, block.Height, GroupId, members))
            .ToDictionary(e => e.ChainId, e => e.Record);
        MemberCommitment[] commitments = new MemberCommitment[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            commitments[i] = logged.TryGetValue(members[i], out ChainRecord? r) && r.BlockHash == block.BlockHash
                ? new MemberCommitment(members[i], r.Commitment)
                : throw new InvalidOperationException(
                    $"The commitment log holds no record of chain {members[i]} (group {GroupId}) for block {block.Height} ({block.BlockHash}); it is outside the retained horizon.");
        }

        return [.. commitments];
    }

    /// <summary>At least one member, each once, at most <paramref name="capacity"/>.</summary>
    private void CheckMembers(ImmutableArray<Hash32> members, int capacity)
    {
        if (members.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"Group {GroupId} needs at least one member; a group without members at a block is omitted.", nameof(members));
        }

        if (members.Length > capacity)
        {
            throw new ArgumentException($"Group {GroupId} is given {members.Length} members; a group holds at most {capacity}.", nameof(members));
        }

        HashSet<Hash32> seen = new(members.Length);
        foreach (Hash32 member in members)
        {
            if (!seen.Add(member))
            {
                throw new ArgumentException($"Chain {member} is listed more than once in group {GroupId}.", nameof(members));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Network {Network} group {GroupId} committed block {Height}: {Members} chains, {Gaps} gaps, root {Root}")]
    private static partial void LogGroupCommitted(ILogger logger, string network, uint groupId, ulong height, int members, int gaps, Hash32 root);
}
