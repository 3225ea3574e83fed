// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>
/// A block as this node recorded it, after every covered chain's commit was durable. The signed
/// fields are exactly a Core <see cref="BlockAttestation"/> (see <see cref="ToAttestation"/>).
/// The VDF fields are the node's continuous VDF point after absorbing this block's global root (at
/// least VdfMinimumIterationsPerBlock past the previous record's); 0 iterations and a zero state when
/// the node runs with its VDF switched off.
/// A block with no covered chain has a zero global root and 0 chains, and is signed the same way.
/// </summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="BlockHash">Layer-1 block hash.</param>
/// <param name="Timestamp">The block's timestamp, Unix seconds.</param>
/// <param name="Beacon">The block's beacon, or null.</param>
/// <param name="PreviousGlobalRoot">The last published non-zero global root before this block (zero for the first).</param>
/// <param name="GlobalRoot">The block's global root.</param>
/// <param name="TotalChains">Chains covered.</param>
/// <param name="Faults">Covered chains that recorded a gap at this block.</param>
/// <param name="VdfIterations">VDF iterations signed (0: VDF switched off).</param>
/// <param name="VdfState">VDF state signed (zero: VDF switched off).</param>
/// <param name="ProverPublicKey">The node key that signed.</param>
/// <param name="Signature">Ed25519 signature over the attestation's signing digest (64 bytes).</param>
/// <param name="Groups">Every non-empty group's root, by id.</param>
/// <param name="Regions">Every non-empty region's root, by id.</param>
/// <param name="Timings">Where the time went (informational).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BlockRecord")]
public sealed record BlockRecord(
    [property: Id(0)] ulong Height,
    [property: Id(1)] Hash32 BlockHash,
    [property: Id(2)] ulong Timestamp,
    [property: Id(3)] Hash32? Beacon,
    [property: Id(4)] Hash32 PreviousGlobalRoot,
    [property: Id(5)] Hash32 GlobalRoot,
    [property: Id(6)] ulong TotalChains,
    [property: Id(7)] ulong Faults,
    [property: Id(8)] ulong VdfIterations,
    [property: Id(9)] Hash32 VdfState,
    [property: Id(10)] Hash32 ProverPublicKey,
    [property: Id(11)] ImmutableArray<byte> Signature,
    [property: Id(12)] ImmutableArray<LevelRootData> Groups,
    [property: Id(13)] ImmutableArray<LevelRootData> Regions,
    [property: Id(14)] BlockTimings Timings)
{
    /// <summary>The signed attestation this record carries.</summary>
    public BlockAttestation ToAttestation() =>
        new(Height, BlockHash, GlobalRoot, TotalChains, Timestamp, VdfIterations, VdfState);
}
