// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Vdf;

/// <summary>The node's VDF as its evaluator reports it.</summary>
/// <param name="Running">True while the evaluator thread runs.</param>
/// <param name="Reason">Why it is not running (switched off, failed); null while running.</param>
/// <param name="Iterations">The last published iteration count.</param>
/// <param name="AbsorbedRoots">Roots absorbed since this activation started or resumed.</param>
/// <param name="RestartCount">The chain's restart counter.</param>
/// <param name="IterationsPerSecond">Rate measured by the evaluator over its recent window (0 until measured).</param>
/// <param name="BufferBytes">The buffer size (the profile's VDF memory).</param>
/// <param name="CheckpointIterations">Iterations between checkpoints (the segment length verifiers re-execute).</param>
/// <param name="DurableSequence">The newest checkpoint written to durable storage, or null before the first write.</param>
/// <param name="Latest">The newest signed checkpoint (it may still be on its way to storage), or null when not running.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.VdfStatus")]
public sealed record VdfStatus(
    [property: Id(0)] bool Running,
    [property: Id(1)] string? Reason,
    [property: Id(2)] ulong Iterations,
    [property: Id(3)] ulong AbsorbedRoots,
    [property: Id(4)] uint RestartCount,
    [property: Id(5)] double IterationsPerSecond,
    [property: Id(6)] long BufferBytes,
    [property: Id(7)] ulong CheckpointIterations,
    [property: Id(8)] ulong? DurableSequence,
    [property: Id(9)] VdfCheckpointData? Latest)
{
    /// <summary>Most checkpoints one <see cref="IVdfGrain.GetCheckpointsAsync"/> call returns.</summary>
    public const int MaxCheckpointsPerRead = 256;
}
