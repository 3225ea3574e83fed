// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Gateway.Status;

/// <summary>Checks a block record's Ed25519 signature the way a verifier would, so operators see a broken record at once.</summary>
internal static class BlockSignatureCheck
{
    /// <summary>
    /// True when <paramref name="record"/> names <paramref name="nodeKey"/> as its signer and carries that
    /// key's signature over the record's <see cref="Core.Proofs.BlockAttestation"/> (Core's verification).
    /// </summary>
    public static bool IsValid(BlockRecord record, Hash32 nodeKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ProverPublicKey != nodeKey || record.Signature.IsDefault)
        {
            return false;
        }

        ProverPublicKey prover = new(nodeKey.Bytes);
        return record.ToAttestation().VerifySignature(prover, record.Signature.AsSpan());
    }
}
