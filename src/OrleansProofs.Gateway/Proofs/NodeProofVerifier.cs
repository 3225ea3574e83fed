// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Abstractions.Workers;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Proofs;

/// <summary>
/// Hands a submitted proof to the cluster's <see cref="IProofVerifierWorker"/>, which verifies it
/// with Core's <see cref="ProofVerifier"/> against this node's key, parameters and retained block
/// records; the gateway only shapes the answer. Verification CPU therefore runs on the silos, not
/// in the gateway process.
/// </summary>
internal sealed class NodeProofVerifier(NodeGrains node, ProofAssembler assembler)
{
    private IProofVerifierWorker Worker => node.Grains.GetGrain<IProofVerifierWorker>(0);

    /// <summary>Verifies an envelope proof (path, compact, full).</summary>
    public async Task<VerifyResponse> VerifyAsync(ProofFormat format, byte[] encoded, Hash32? expectedChainId)
    {
        ProofVerificationOutcome outcome = await Worker.VerifyAsync(new ProofVerificationRequest(node.Network, format, [.. encoded], expectedChainId, [], []));
        return Respond(format, outcome);
    }

    /// <summary>
    /// Verifies an ultra-compact claim for a chain registered here: the gateway assembles this node's
    /// path proof for the claim's height and the worker verifies it in full, then every claim field and
    /// the auditor's nonce. Null when the chain is not registered here.
    /// </summary>
    public async Task<VerifyResponse?> VerifyUltraCompactAsync(byte[] encoded, Hash32 chainId, AuditorNonce nonce)
    {
        if ((await node.Chain(chainId).GetSummaryAsync()).Header is null)
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
            return Respond(ProofFormat.UltraCompact, new ProofVerificationOutcome(ProofFailure.Malformed, error.Message, null, null, RegisteredChainChecked: true));
        }

        (ProofSource? source, IResult? _) = await assembler.LoadAsync(chainId, claim.GlobalHeight);
        if (source is null)
        {
            return Respond(ProofFormat.UltraCompact, new ProofVerificationOutcome(ProofFailure.UnknownBlock,
                $"this node holds no record of chain {chainId} at the claim's global_height {claim.GlobalHeight} to check it against.", chainId, claim.GlobalHeight, RegisteredChainChecked: true));
        }

        byte[] reference = ProofAssembler.BuildPath(source).Encode();
        ProofVerificationOutcome outcome = await Worker.VerifyAsync(
            new ProofVerificationRequest(node.Network, ProofFormat.UltraCompact, [.. encoded], chainId, [.. nonce.Bytes], [.. reference]));
        return Respond(ProofFormat.UltraCompact, outcome);
    }

    private static VerifyResponse Respond(ProofFormat format, ProofVerificationOutcome outcome) =>
        new(
            outcome.IsValid,
            outcome.IsValid ? null : JsonNamingPolicy.CamelCase.ConvertName(outcome.Failure.ToString()),
            outcome.Reason,
            outcome.ChainId?.ToString(),
            outcome.Height,
            format.ToName(),
            outcome.RegisteredChainChecked);
}
