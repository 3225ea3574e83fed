// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Node;

namespace OrleansProofs.Gateway.Status;

/// <summary>
/// The readiness checks of <c>GET /health</c>, in the order they run: the silo answers (node grain),
/// grain storage answers (the commitment log is read and the block ingress loads its state), the chain adapter is fresh (the latest
/// block is at most <see cref="MaxBlockAge"/> old, plus <see cref="TimestampResolution"/>). A check after a failed one is not run (null).
/// </summary>
/// <param name="Identity">The node's identity, or null when the silo did not answer.</param>
/// <param name="Latest">The latest block, or null before the first or when storage did not answer.</param>
/// <param name="StorageReachable">Whether the ingress answered; null when not asked.</param>
/// <param name="BlockInterval">The expected time between blocks; null when the silo did not answer.</param>
/// <param name="MaxBlockAge">The oldest the latest block may be (StaleAfterBlocks × interval); null with the interval.</param>
/// <param name="BlockAge">Now minus the latest block's timestamp; null without a latest block.</param>
/// <param name="FailedCheck">The first failing check ("silo", "storage" or "adapter"), or null when ready.</param>
/// <param name="Reason">Why that check failed, or null.</param>
internal sealed record ReadinessReport(
    NodeIdentity? Identity,
    BlockRecord? Latest,
    bool? StorageReachable,
    TimeSpan? BlockInterval,
    TimeSpan? MaxBlockAge,
    TimeSpan? BlockAge,
    string? FailedCheck,
    string? Reason)
{
    /// <summary>The resolution of block timestamps (whole Unix seconds): the slack every age comparison allows.</summary>
    public static readonly TimeSpan TimestampResolution = TimeSpan.FromSeconds(1);

    /// <summary>Whether every check holds.</summary>
    public bool IsReady => FailedCheck is null;

    /// <summary>The silo check's value: "reachable" or "unreachable".</summary>
    public string Silo => Identity is null ? "unreachable" : "reachable";

    /// <summary>The storage check's value: "reachable", "unreachable", or "unknown" when the silo did not answer.</summary>
    public string Storage => StorageReachable switch { true => "reachable", false => "unreachable", null => "unknown" };

    /// <summary>The adapter check's value: "fresh", "stale", "waiting" (no block yet) or "unknown" (not checked).</summary>
    public string Adapter => StorageReachable != true
        ? "unknown"
        : Latest is null ? "waiting" : BlockAge <= MaxBlockAge + TimestampResolution ? "fresh" : "stale";

    /// <summary>
    /// Block intervals gone by since the latest block beyond the one the next block is due in: how many
    /// blocks the adapter has missed so far (0 while blocks arrive on time); null without a latest block.
    /// One second of the age is allowed for the timestamp's whole-second rounding, so on-time blocks never count.
    /// </summary>
    public long? MissedBlocks => BlockAge is { } age && BlockInterval is { } interval
        ? Math.Max(0, (long)((age - TimestampResolution) / interval) - 1)
        : null;

    /// <summary>The three checks by name, as the health document and its problem report them.</summary>
    public IReadOnlyDictionary<string, string> Checks => new Dictionary<string, string>
    {
        ["silo"] = Silo,
        ["storage"] = Storage,
        ["adapter"] = Adapter,
    };
}
