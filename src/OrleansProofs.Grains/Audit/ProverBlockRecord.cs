// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// A prover's block record as its gateway publishes it (<c>GET /api/blocks/{height}</c>): the fields of
/// the <see cref="BlockAttestation"/> it signed and the signature. Untrusted until
/// <see cref="Verify"/> checked the signature against the configured key and the block hash against the verifier's own.
/// </summary>
internal sealed record ProverBlockRecord(BlockAttestation Attestation, Hash32? Beacon, ProverPublicKey Signer, ImmutableArray<byte> Signature)
{
    /// <summary>Parses the gateway's JSON block record.</summary>
    /// <exception cref="ProverGatewayException">A field is missing or malformed.</exception>
    public static ProverBlockRecord Parse(JsonElement block) => Parsing.Guard("block record", () =>
    {
        BlockAttestation attestation = new(
            block.GetProperty("height").GetUInt64(),
            Hash32.Parse(block.GetProperty("blockHash").GetString()),
            Hash32.Parse(block.GetProperty("globalRoot").GetString()),
            block.GetProperty("totalChains").GetUInt64(),
            block.GetProperty("timestamp").GetUInt64(),
            block.GetProperty("vdfIterations").GetUInt64(),
            Hash32.Parse(block.GetProperty("vdfState").GetString()));
        Hash32? beacon = block.TryGetProperty("beacon", out JsonElement b) && b.ValueKind == JsonValueKind.String ? Hash32.Parse(b.GetString()) : null;
        ProverPublicKey signer = ProverPublicKey.Parse(block.GetProperty("proverPublicKey").GetString() ?? string.Empty);
        ImmutableArray<byte> signature = [.. Convert.FromHexString(block.GetProperty("signature").GetString() ?? string.Empty)];
        return new ProverBlockRecord(attestation, beacon, signer, signature);
    });

    /// <summary>
    /// Null when the record is the configured prover's signed attestation of the verifier's own block at
    /// <paramref name="height"/>; otherwise why not. The key the record names is ignored: only <paramref name="prover"/> counts.
    /// </summary>
    public string? Verify(ProverPublicKey prover, ulong height, Hash32 blockHash, Hash32? beacon)
    {
        if (Attestation.Height != height)
        {
            return $"the block record is for height {Attestation.Height}; asked for {height}.";
        }

        if (Attestation.BlockHash != blockHash)
        {
            return $"the block record's block hash {Attestation.BlockHash} is not the layer-1 block {blockHash} at height {height}.";
        }

        if (Beacon != beacon)
        {
            return $"the block record's beacon {Beacon?.ToString() ?? "none"} is not the layer-1 block's {beacon?.ToString() ?? "none"}.";
        }

        return Attestation.VerifySignature(prover, Signature.AsSpan())
            ? null
            : $"the block record's signature does not verify under the prover key {prover}.";
    }
}
