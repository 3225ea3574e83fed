// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>
/// Wire and storage form of a Core <see cref="Core.Protocol.ChainHeader"/>: its ten committed fields
/// (the two derived commitments are recomputed, and every field re-checked, when converting back).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainHeader")]
public readonly struct ChainHeaderSurrogate
{
    /// <summary>The chain id.</summary>
    [Id(0)] public Hash32 ChainId { get; init; }

    /// <summary>The data hash.</summary>
    [Id(1)] public Hash32 DataHash { get; init; }

    /// <summary>The prover's Ed25519 public key, as 32 bytes.</summary>
    [Id(2)] public Hash32 ProverPublicKey { get; init; }

    /// <summary>The replica root.</summary>
    [Id(3)] public Hash32 ReplicaRoot { get; init; }

    /// <summary>Number of chunks.</summary>
    [Id(4)] public ulong TotalChunks { get; init; }

    /// <summary>Original file length.</summary>
    [Id(5)] public ulong FileLength { get; init; }

    /// <summary>Replica encoding version.</summary>
    [Id(6)] public byte EncodingVersion { get; init; }

    /// <summary>Replica work factor.</summary>
    [Id(7)] public uint WorkFactor { get; init; }

    /// <summary>Anchor block height.</summary>
    [Id(8)] public ulong AnchorHeight { get; init; }

    /// <summary>Anchor block hash.</summary>
    [Id(9)] public Hash32 AnchorBlockHash { get; init; }
}
