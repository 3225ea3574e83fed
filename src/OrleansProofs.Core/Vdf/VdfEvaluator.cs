// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Vdf;

/// <summary>Evaluates the VDF from a buffer's seed and records a checkpoint every interval.</summary>
public static class VdfEvaluator
{
    /// <summary>
    /// Runs <paramref name="iterations"/> iterations from <see cref="VdfFunction.InitialState"/> of the
    /// buffer's seed and returns the proof with the state after every <paramref name="checkpointInterval"/>
    /// iterations. Single-threaded and sequential by construction; the checkpoint states are the only allocation.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero iterations or interval, or too many checkpoints.</exception>
    public static VdfProof Evaluate(VdfBuffer buffer, ulong iterations, ulong checkpointInterval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        long count = VdfProof.ExpectedCheckpoints(iterations, checkpointInterval, nameof(iterations), nameof(checkpointInterval));
        var checkpoints = new Hash32[count];
        Hash32 state = VdfFunction.InitialState(buffer.Seed);
        ulong done = 0;
        for (int segment = 0; segment <= count; segment++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ulong length = Math.Min(checkpointInterval, iterations - done);
            state = VdfFunction.Iterate(buffer, state, done, length);
            done += length;
            if (segment < count)
            {
                checkpoints[segment] = state;
            }
        }

        return new VdfProof(buffer.Log2Bytes, buffer.Seed, iterations, checkpointInterval, checkpoints, state);
    }
}
