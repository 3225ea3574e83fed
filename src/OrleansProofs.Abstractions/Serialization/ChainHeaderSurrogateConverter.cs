// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>Converts <see cref="ChainHeader"/> to and from its <see cref="ChainHeaderSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ChainHeaderSurrogateConverter : IConverter<ChainHeader, ChainHeaderSurrogate>
{
    /// <inheritdoc/>
    public ChainHeader ConvertFromSurrogate(in ChainHeaderSurrogate surrogate) =>
        new(
            surrogate.ChainId,
            surrogate.DataHash,
            new ProverPublicKey(surrogate.ProverPublicKey.Bytes),
            surrogate.ReplicaRoot,
            surrogate.TotalChunks,
            surrogate.FileLength,
            surrogate.EncodingVersion,
            surrogate.WorkFactor,
            surrogate.AnchorHeight,
            surrogate.AnchorBlockHash);

    /// <inheritdoc/>
    public ChainHeaderSurrogate ConvertToSurrogate(in ChainHeader value) => new()
    {
        ChainId = value.ChainId,
        DataHash = value.DataHash,
        ProverPublicKey = value.ProverPublicKey.AsHash32(),
        ReplicaRoot = value.ReplicaRoot,
        TotalChunks = value.TotalChunks,
        FileLength = value.FileLength,
        EncodingVersion = value.EncodingVersion,
        WorkFactor = value.WorkFactor,
        AnchorHeight = value.AnchorHeight,
        AnchorBlockHash = value.AnchorBlockHash,
    };
}
