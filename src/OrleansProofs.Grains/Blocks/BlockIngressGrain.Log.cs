// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>Log messages of the block ingress.</summary>
internal sealed partial class BlockIngressGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network} recorded block {Height}: {Chains} chains ({Activated} activated, {Faults} gaps), global root {GlobalRoot}, {Milliseconds} ms")]
    private static partial void LogBlockRecorded(ILogger logger, string network, ulong height, int chains, int activated, ulong faults, Hash32 globalRoot, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network} enrolled chain {ChainId} in group {GroupId}, active from height {ActivationHeight}")]
    private static partial void LogChainEnrolled(ILogger logger, string network, Hash32 chainId, uint groupId, ulong activationHeight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network {Network}: pruning the commitment log below block {Height}'s horizon failed; the next block retries")]
    private static partial void LogPruneFailed(ILogger logger, string network, ulong height, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network} scheduled the {Kind} of chain {ChainId} at height {RemovalHeight}: {Reason}")]
    private static partial void LogRemovalScheduled(ILogger logger, string network, Hash32 chainId, RemovalKind kind, ulong removalHeight, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network} completed the {Kind} of chain {ChainId} at height {RemovalHeight}; its group slot is free")]
    private static partial void LogRemovalCompleted(ILogger logger, string network, Hash32 chainId, RemovalKind kind, ulong removalHeight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network {Network}: the lifecycle call to chain {ChainId} after block {Height} failed; it is retried at the next block")]
    private static partial void LogLifecycleCallFailed(ILogger logger, string network, Hash32 chainId, ulong height, Exception error);
}
