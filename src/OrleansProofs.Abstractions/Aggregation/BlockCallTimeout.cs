// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>
/// The response timeout of a block's hierarchy calls (ingress → region → group → chain). A region or group
/// call lasts as long as its share of the block, which at 100,000 chains on a small machine is tens of
/// seconds; a chain's commit can wait behind the block's other durable writes (the first block after
/// 100,000 registrations writes every chain's state): past Orleans' default 30 s the caller gave up on a
/// call that was still doing the block's work, and the block failed although every chain committed. Five minutes is far past any block a node keeps up with
/// (a dev block every 16 s); a block slower than that fails and the adapter announces it again.
/// </summary>
public static class BlockCallTimeout
{
    /// <summary>The timeout as the "hh:mm:ss" text <c>[ResponseTimeout]</c> takes.</summary>
    public const string Value = "00:05:00";
}
