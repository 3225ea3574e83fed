// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>The VDF point a block attestation signs (docs/protocol.md §7.1; the rule between records: Core's VdfBlockSeparation).</summary>
internal sealed partial class BlockIngressGrain
{
    /// <summary>
    /// Has the node's VDF absorb the block's global root and returns the point to sign: the first one
    /// after the absorption that is at least VdfMinimumIterationsPerBlock past the previous record's
    /// point, waiting (asynchronously) for the evaluator when it is not that far yet. Called after the
    /// commitments are durable and before signing, so a failure here records nothing and the block can
    /// be announced again. With the VDF switched off the record carries 0 iterations and a zero state.
    /// </summary>
    private async Task<(ulong Iterations, Hash32 State)> AttestVdfAsync(Hash32 globalRoot, BlockRecord? previous)
    {
        if (!node.VdfEnabled)
        {
            return (0, Hash32.Zero);
        }

        ulong minimum = previous is { VdfIterations: > 0 } last ? checked(last.VdfIterations + node.Parameters.VdfMinimumIterationsPerBlock) : 0;
        VdfAttestedPoint point = await GrainFactory.GetGrain<IVdfGrain>(IVdfGrain.GrainKey).AttestAsync(globalRoot, minimum);
        return (point.Iterations, point.State);
    }
}
