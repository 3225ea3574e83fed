// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Chains;

/// <summary>Log messages of the chain grain.</summary>
internal sealed partial class ChainGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} registered on network {Network}: {TotalChunks} chunks, anchored at height {AnchorHeight}, group {GroupId}")]
    private static partial void LogRegistered(ILogger logger, Hash32 chainId, string network, ulong totalChunks, ulong anchorHeight, uint groupId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chain {ChainId} recorded {Kind} at height {Height}: {Commitment}")]
    private static partial void LogCommitted(ILogger logger, Hash32 chainId, ulong height, ChainRecordKind kind, Hash32 commitment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain {ChainId} could not read its replica at height {Height}; the block is recorded as a gap")]
    private static partial void LogReplicaUnreadable(ILogger logger, Hash32 chainId, ulong height, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chain {ChainId} released its replica file")]
    private static partial void LogReplicaReleased(ILogger logger, Hash32 chainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chain {ChainId} replayed {Records} records from the commitment log; head at height {HeadHeight}")]
    private static partial void LogCaughtUp(ILogger logger, Hash32 chainId, int records, ulong headHeight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain {ChainId}: the commitment log's record at height {Height} does not extend the head at height {HeadHeight}; replay stops there")]
    private static partial void LogReplayStopped(ILogger logger, Hash32 chainId, ulong height, ulong headHeight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} removal requested: it leaves at height {RemovalHeight} (archive: {Archive})")]
    private static partial void LogRemovalRequested(ILogger logger, Hash32 chainId, ulong removalHeight, bool archive);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} archived its records and metadata to {Folder}")]
    private static partial void LogArchived(ILogger logger, Hash32 chainId, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} {Kind} took effect at height {RemovalHeight}; its replica file is released")]
    private static partial void LogRemovalCompleted(ILogger logger, Hash32 chainId, RemovalKind kind, ulong removalHeight);
}
