// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>Converts <see cref="ChainRecord"/> to and from its <see cref="ChainRecordSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ChainRecordSurrogateConverter : IConverter<ChainRecord, ChainRecordSurrogate>
{
    /// <inheritdoc/>
    public ChainRecord ConvertFromSurrogate(in ChainRecordSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Height, surrogate.BlockHash, surrogate.PreviousCommitment, surrogate.Indices, surrogate.AccessDigests, surrogate.Commitment);

    /// <inheritdoc/>
    public ChainRecordSurrogate ConvertToSurrogate(in ChainRecord value) => new()
    {
        Kind = value.Kind,
        Height = value.Height,
        BlockHash = value.BlockHash,
        PreviousCommitment = value.PreviousCommitment,
        Indices = value.Indices,
        AccessDigests = value.AccessDigests,
        Commitment = value.Commitment,
    };
}
