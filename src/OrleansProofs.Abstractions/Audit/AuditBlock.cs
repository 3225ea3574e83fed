// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>A layer-1 block as the verifier's own block source gave it: what an audit trusts about the block.</summary>
/// <param name="Height">The block's height.</param>
/// <param name="BlockHash">The block's hash.</param>
/// <param name="Beacon">The randomness beacon mixed into the block's entropy, if any.</param>
/// <param name="Network">The network (the verifier's own block ingress key, whose records hold the verifier's block hashes).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.AuditBlock")]
public sealed record AuditBlock(
    [property: Id(0)] ulong Height,
    [property: Id(1)] Hash32 BlockHash,
    [property: Id(2)] Hash32? Beacon,
    [property: Id(3)] string Network);
