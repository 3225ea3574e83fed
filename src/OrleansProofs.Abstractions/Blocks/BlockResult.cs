// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>The result of announcing a block: recorded, duplicate (with the existing record) or rejected (with the reason).</summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BlockResult")]
public sealed class BlockResult
{
    private BlockResult(BlockOutcome outcome, BlockRecord? record, BlockRejection rejection, string? detail)
    {
        Outcome = outcome;
        Record = record;
        Rejection = rejection;
        Detail = detail;
    }

    /// <summary>Recorded, duplicate or rejected.</summary>
    [Id(0)] public BlockOutcome Outcome { get; }

    /// <summary>The block's record (new or existing); null when rejected.</summary>
    [Id(1)] public BlockRecord? Record { get; }

    /// <summary>Why it was rejected; <see cref="BlockRejection.None"/> otherwise.</summary>
    [Id(2)] public BlockRejection Rejection { get; }

    /// <summary>What was expected and what was announced; null unless rejected.</summary>
    [Id(3)] public string? Detail { get; }

    /// <summary>True when the block is recorded (now or before).</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    public bool IsAccepted => Outcome != BlockOutcome.Rejected;

    /// <summary>The block was recorded now.</summary>
    public static BlockResult Recorded(BlockRecord record) => new(BlockOutcome.Recorded, record, BlockRejection.None, null);

    /// <summary>The same block was already recorded.</summary>
    public static BlockResult Duplicate(BlockRecord record) => new(BlockOutcome.Duplicate, record, BlockRejection.None, null);

    /// <summary>The block was rejected.</summary>
    public static BlockResult Rejected(BlockRejection rejection, string detail) => new(BlockOutcome.Rejected, null, rejection, detail);

    /// <inheritdoc/>
    public override string ToString() => Outcome == BlockOutcome.Rejected ? $"Rejected ({Rejection}): {Detail}" : $"{Outcome} at height {Record!.Height}";
}
