// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;
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
}
