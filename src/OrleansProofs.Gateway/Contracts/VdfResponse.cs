// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>
/// <c>GET /api/vdf</c>: the node's continuous VDF — the latest signed checkpoint and the evaluator's
/// own figures. The checkpoint is re-verifiable (signature, chain links, sampled descent); the rate
/// and counters are what the node reports about itself, for operators, never evidence.
/// </summary>
/// <param name="ProverPublicKey">The node key that signs the checkpoints.</param>
/// <param name="BufferBytes">The buffer size (the profile's VDF memory).</param>
/// <param name="Iterations">The last published iteration count.</param>
/// <param name="IterationsPerSecond">Measured by the evaluator over its last 5 seconds.</param>
/// <param name="RestartCount">Resumes from a durable checkpoint so far (failovers, deactivations).</param>
/// <param name="AbsorbedRoots">Roots absorbed since the evaluator started or resumed.</param>
/// <param name="CheckpointIterations">Iterations between checkpoints.</param>
/// <param name="DurableSequence">The newest checkpoint written to durable storage (null before the first).</param>
/// <param name="LatestCheckpoint">The newest signed checkpoint.</param>
public sealed record VdfResponse(
    string ProverPublicKey,
    long BufferBytes,
    ulong Iterations,
    double IterationsPerSecond,
    uint RestartCount,
    ulong AbsorbedRoots,
    ulong CheckpointIterations,
    ulong? DurableSequence,
    VdfCheckpointView LatestCheckpoint);

/// <summary>A signed VDF checkpoint: its fields, its hash, the signature and the wire form (docs/protocol.md §6 §7).</summary>
/// <param name="Sequence">Position in the chain (genesis 0).</param>
/// <param name="RestartCount">The chain's restart counter at this checkpoint.</param>
/// <param name="Iterations">Iterations at the checkpoint's point.</param>
/// <param name="State">State at that point (hex).</param>
/// <param name="Seed">The VDF seed (hex).</param>
/// <param name="Log2BufferBytes">log2 of the buffer size.</param>
/// <param name="PreviousHash">Hash of the previous checkpoint (hex; zero for genesis).</param>
/// <param name="Hash">This checkpoint's hash, what is signed and what the next one links to (hex).</param>
/// <param name="Absorbed">Roots absorbed since the previous checkpoint, with their iteration.</param>
/// <param name="Signature">Ed25519 signature of <paramref name="Hash"/> (hex).</param>
/// <param name="Encoded">The wire form, body ‖ signature (base64): what VdfCheckpoint.Decode reads.</param>
public sealed record VdfCheckpointView(
    ulong Sequence,
    uint RestartCount,
    ulong Iterations,
    string State,
    string Seed,
    int Log2BufferBytes,
    string PreviousHash,
    string Hash,
    IReadOnlyList<VdfAbsorptionView> Absorbed,
    string Signature,
    string Encoded)
{
    /// <summary>Decodes a stored checkpoint and maps it.</summary>
    public static VdfCheckpointView From(VdfCheckpointData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        VdfCheckpoint c = VdfCheckpoint.Decode(data.Encoded.AsSpan());
        return new VdfCheckpointView(
            c.Sequence,
            c.RestartCount,
            c.Point.Iterations,
            c.Point.State.ToString(),
            c.Seed.ToString(),
            c.Log2BufferBytes,
            c.PreviousHash.ToString(),
            c.ComputeHash().ToString(),
            [.. c.Absorbed.ToArray().Select(a => new VdfAbsorptionView(a.Iteration, a.Root.ToString()))],
            Convert.ToHexStringLower(c.Signature),
            Convert.ToBase64String(data.Encoded.AsSpan()));
    }
}

/// <summary>A root absorbed into the VDF after <paramref name="Iteration"/> iterations.</summary>
/// <param name="Iteration">The iteration count at the absorption.</param>
/// <param name="Root">The absorbed root (hex).</param>
public sealed record VdfAbsorptionView(ulong Iteration, string Root);

/// <summary><c>GET /api/vdf/checkpoints</c>: a page of the durable checkpoint window, oldest first.</summary>
/// <param name="ProverPublicKey">The node key that signs the checkpoints.</param>
/// <param name="Checkpoints">The checkpoints.</param>
/// <param name="Next">The <c>from</c> of the next page, or null when this page reached the newest durable checkpoint.</param>
public sealed record VdfCheckpointsResponse(string ProverPublicKey, IReadOnlyList<VdfCheckpointView> Checkpoints, ulong? Next);
