// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// A chain's identity: <c>H(tag "posc/v1/chain-id" ‖ data_hash ‖ prover_public_key)</c>. The same file
/// held by two provers gives two chains; one prover holding two files gets two chains.
/// </summary>
public static class ChainId
{
    /// <summary>Bytes hashed: tag prefix, data hash and public key.</summary>
    internal const int InputSize = 1 + 16 + 2 * Hash32.Size;

    /// <summary>Computes the chain id of <paramref name="dataHash"/> held by <paramref name="proverPublicKey"/>.</summary>
    public static Hash32 Compute(in Hash32 dataHash, in ProverPublicKey proverPublicKey)
    {
        Span<byte> buffer = stackalloc byte[InputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.ChainId);
        writer.WriteHash(dataHash);
        writer.WriteBytes(proverPublicKey.Bytes);
        return writer.Hash();
    }
}
