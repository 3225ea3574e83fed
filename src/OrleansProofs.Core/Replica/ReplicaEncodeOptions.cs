// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>Optional settings of <see cref="ReplicaEncoder"/>.</summary>
public sealed record ReplicaEncodeOptions
{
    /// <summary>
    /// The input's data hash when the caller already has it (the upload path hashes while it
    /// receives). The replica key depends on it, so without it the encoder makes one extra
    /// sequential read of the input first. It is re-checked during encoding either way.
    /// Default: none.
    /// </summary>
    public Hash32? DataHash { get; init; }

    /// <summary>Smallest accepted input in bytes (at least 1). Default: <see cref="ChunkLayout.DefaultMinimumFileLength"/>.</summary>
    public long MinimumFileLength { get; init; } = ChunkLayout.DefaultMinimumFileLength;

    /// <summary>Where to write the leaf sidecar. Default: <see cref="ReplicaLeafFile.PathFor"/> of the replica path.</summary>
    public string? LeafFilePath { get; init; }
}
