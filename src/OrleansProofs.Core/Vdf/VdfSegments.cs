// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Vdf;

/// <summary>Re-execution of one segment between two points, with the inputs absorbed inside it.</summary>
internal static class VdfSegments
{
    /// <summary>
    /// Runs from <paramref name="start"/> to iteration <paramref name="endIteration"/>, absorbing each
    /// entry of <paramref name="absorptions"/> (sorted, every iteration in (start, end]) right after the
    /// iteration count reaches its <see cref="VdfAbsorption.Iteration"/>.
    /// </summary>
    internal static Hash32 Execute(VdfBuffer buffer, VdfPoint start, ulong endIteration, ReadOnlySpan<VdfAbsorption> absorptions)
    {
        Hash32 state = start.State;
        ulong iteration = start.Iterations;
        int next = 0;
        while (iteration < endIteration || next < absorptions.Length)
        {
            ulong stop = next < absorptions.Length ? absorptions[next].Iteration : endIteration;
            state = VdfFunction.Iterate(buffer, state, iteration, stop - iteration);
            iteration = stop;
            while (next < absorptions.Length && absorptions[next].Iteration == iteration)
            {
                state = VdfFunction.Absorb(state, absorptions[next].Root, iteration);
                next++;
            }
        }

        return state;
    }
}
