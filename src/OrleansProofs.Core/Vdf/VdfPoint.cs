// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// A point of a VDF run: the state after <see cref="Iterations"/> iterations and after every input
/// absorbed at that count. Block records, snapshots and checkpoints all carry points.
/// </summary>
/// <param name="Iterations">Iterations done since the start state.</param>
/// <param name="State">The 32-byte state.</param>
public readonly record struct VdfPoint(ulong Iterations, Hash32 State);

/// <summary>An external input (a block's global root) absorbed after <see cref="Iteration"/> iterations.</summary>
/// <param name="Iteration">The iteration count at which it was absorbed.</param>
/// <param name="Root">The absorbed value.</param>
public readonly record struct VdfAbsorption(ulong Iteration, Hash32 Root);
