// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// What a running <see cref="ContinuousVdf"/> has published: the current point, how many roots it has
/// absorbed in total (so a caller can wait for its root to be in), and its restart counter.
/// </summary>
/// <param name="Iterations">Iterations done since the genesis state.</param>
/// <param name="State">The state at that count, after every root absorbed at it.</param>
/// <param name="AbsorbedRoots">Roots absorbed since this evaluator started or resumed.</param>
/// <param name="RestartCount">The restart counter of the current chain.</param>
public readonly record struct VdfSnapshot(ulong Iterations, Hash32 State, ulong AbsorbedRoots, uint RestartCount)
{
    /// <summary>The point (iterations, state) a block record carries.</summary>
    public VdfPoint Point => new(Iterations, State);
}
