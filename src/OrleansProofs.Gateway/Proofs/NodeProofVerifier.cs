// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Proofs;

/// <summary>
/// Verifies a submitted proof with Core's <see cref="ProofVerifier"/>. Public data: the node's own
/// public key and profile, and — as the layer-1 block source — this node's own retained block
/// records (height, block hash, beacon, timestamp). When the chain is registered on this node its
/// header is pinned, so the proof's registration fields must equal it.
/// </summary>
internal sealed class NodeProofVerifier(NodeGrains node, ProofAssembler assembler)
{
    /// <summary>Verifies an envelope proof (path, compact, full).</summary>
    public async Task<VerifyResponse> VerifyAsync(ProofFormat format, byte[] encoded, Hash32? expectedChainId)
    {
        (ProverPublicKey prover, ConsensusParameters parameters) = await ProverAsync();
        Hash32? chainId;
        List<ulong> heights = [];
        PathProof? path = null;
        CompactProof? compact = null;
        FullProof? full = null;
        try
        {
            switch (format)
            {
                case ProofFormat.Path:
                    path = PathProof.Decode(encoded);
                    chainId = path.ChainId;
                    heights.Add(path.Height);
                    break;
                case ProofFormat.Compact:
                    compact = CompactProof.Decode(encoded);
                    chainId = ChainOf(compact, prover);
                    AddWindow(heights, compact);
                    break;
                default:
                    full = FullProof.Decode(encoded);
                    chainId = ChainOf(full.Compact, prover);
                    AddWindow(heights, full.Compact);
                    break;
            }
        }
        catch (FormatException error)
        {
            return Respond(format, ProofVerificationResult.Fail(ProofFailure.Malformed, error.Message), registered: false);
        }

        ChainHeader? registered = chainId is { } id ? (await node.Chain(id).GetInfoAsync()).Header : null;
        ProofVerificationContext context = new(prover, parameters, await BlocksAsync(heights))
        {
            RegisteredChain = registered,
            ExpectedChainId = expectedChainId,
        };
        ProofVerificationResult result = path is not null ? ProofVerifier.VerifyPath(path, context)
            : compact is not null ? ProofVerifier.VerifyCompact(compact, context)
            : ProofVerifier.VerifyFull(full!, context);
        return Respond(format, result, registered is not null);
    }

    /// <summary>
    /// Verifies an ultra-compact claim for a chain registered here: the node builds the path proof
    /// for the claim's height from its own records, verifies it in full, then checks every claim field
    /// and the auditor's nonce. Null when the chain is not registered here.
    /// </summary>
    public async Task<VerifyResponse?> VerifyUltraCompactAsync(byte[] encoded, Hash32 chainId, AuditorNonce nonce)
    {
        ChainHeader? registered = (await node.Chain(chainId).GetInfoAsync()).Header;
        if (registered is null)
        {
            return null;
        }

        UltraCompactClaim claim;
        try
        {
            claim = UltraCompactClaim.Decode(encoded);
        }
        catch (FormatException error)
        {
            return Respond(ProofFormat.UltraCompact, ProofVerificationResult.Fail(ProofFailure.Malformed, error.Message), registered: true);
        }

        (ProofSource? source, IResult? _) = await assembler.LoadAsync(chainId, claim.GlobalHeight);
        if (source is null)
        {
            return Respond(ProofFormat.UltraCompact, ProofVerificationResult.Fail(ProofFailure.UnknownBlock,
                $"this node holds no record of chain {chainId} at the claim's global_height {claim.GlobalHeight} to check it against.", chainId, claim.GlobalHeight), registered: true);
        }

        (ProverPublicKey prover, ConsensusParameters parameters) = await ProverAsync();
        ProofVerificationContext context = new(prover, parameters, await BlocksAsync([claim.GlobalHeight]))
        {
            RegisteredChain = registered,
            ExpectedChainId = chainId,
        };
        ProofVerificationResult result = ProofVerifier.VerifyUltraCompact(claim, ProofAssembler.BuildPath(source), nonce, context);
        return Respond(ProofFormat.UltraCompact, result, registered: true);
    }

    private async Task<(ProverPublicKey Prover, ConsensusParameters Parameters)> ProverAsync()
    {
        (Abstractions.Node.NodeIdentity identity, ConsensusParameters parameters) = await node.IdentityAsync();
        return (new ProverPublicKey(identity.ProverPublicKey.Bytes), parameters);
    }

    /// <summary>This node's retained block records at <paramref name="heights"/> as public blocks (missing ones are simply unknown).</summary>
    private async Task<PublicBlockTable> BlocksAsync(IEnumerable<ulong> heights)
    {
        BlockRecord?[] records = await Task.WhenAll(heights.Distinct().Select(h => node.Ingress.GetBlockAsync(h)));
        PublicBlockTable table = new();
        foreach (BlockRecord? record in records)
        {
            if (record is not null)
            {
                table.Add(new PublicBlock(record.Height, record.BlockHash, record.Beacon, record.Timestamp));
            }
        }

        return table;
    }

    private static void AddWindow(List<ulong> heights, CompactProof proof)
    {
        for (int i = 0; i < proof.Window.Entries.Length; i++)
        {
            heights.Add(proof.Window.FirstHeight + (ulong)i);
        }

        heights.Add(proof.Path.Height);
    }

    private static Hash32? ChainOf(CompactProof proof, ProverPublicKey prover)
    {
        try
        {
            return proof.Registration.ToHeader(prover).ChainId;
        }
        catch (ArgumentException)
        {
            // The verifier reports the invalid registration itself.
            return null;
        }
    }

    private static VerifyResponse Respond(ProofFormat format, ProofVerificationResult result, bool registered) =>
        new(
            result.IsValid,
            result.IsValid ? null : JsonNamingPolicy.CamelCase.ConvertName(result.Failure.ToString()),
            result.Reason,
            result.ChainId?.ToString(),
            result.Height,
            format.ToName(),
            registered);
}
