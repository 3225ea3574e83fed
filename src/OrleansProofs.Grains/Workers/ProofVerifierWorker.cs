// SPDX-License-Identifier: MIT

using Orleans.Concurrency;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Workers;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Workers;

/// <summary>
/// Verifies proofs with Core's <see cref="ProofVerifier"/> (<see cref="IProofVerifierWorker"/>).
/// Public data: this node's key and parameters, the network ingress's retained block records
/// (height, block hash, beacon, timestamp) and, when the chain is registered here, its header,
/// which pins the proof's registration fields. Stateless, so it runs on whichever silo the caller
/// is on and scales out with load.
/// </summary>
[StatelessWorker]
internal sealed class ProofVerifierWorker(NodeContext node, NodeMetrics metrics) : Grain, IProofVerifierWorker
{
    /// <inheritdoc/>
    public async Task<ProofVerificationOutcome> VerifyAsync(ProofVerificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Network))
        {
            throw new ArgumentException("The network must name the ingress whose block records are the public block data.", nameof(request));
        }

        byte[] encoded = request.Proof.IsDefault ? [] : [.. request.Proof];
        ProofVerificationOutcome outcome = request.Format == ProofFormat.UltraCompact
            ? await VerifyUltraCompactAsync(request, encoded)
            : await VerifyEnvelopeAsync(request, encoded);

        // Only verdicts count: a request refused as malformed (an ArgumentException) was never a proof check.
        metrics.ProofVerified(request.Format, outcome.Failure);
        return outcome;
    }

    /// <summary>Path, compact and full proofs: decode, load the public blocks they name and the pinned registration, verify.</summary>
    private async Task<ProofVerificationOutcome> VerifyEnvelopeAsync(ProofVerificationRequest request, byte[] encoded)
    {
        Hash32? chainId;
        List<ulong> heights = [];
        PathProof? path = null;
        CompactProof? compact = null;
        FullProof? full = null;
        try
        {
            switch (request.Format)
            {
                case ProofFormat.Path:
                    path = PathProof.Decode(encoded);
                    chainId = path.ChainId;
                    heights.Add(path.Height);
                    break;
                case ProofFormat.Compact:
                    compact = CompactProof.Decode(encoded);
                    chainId = ChainOf(compact);
                    AddWindow(heights, compact);
                    break;
                default:
                    full = FullProof.Decode(encoded);
                    chainId = ChainOf(full.Compact);
                    AddWindow(heights, full.Compact);
                    break;
            }
        }
        catch (FormatException error)
        {
            return Outcome(ProofVerificationResult.Fail(ProofFailure.Malformed, error.Message), registered: false);
        }

        ChainHeader? registered = chainId is { } id ? await RegisteredAsync(id) : null;
        ProofVerificationContext context = new(node.Key.PublicKey, node.Parameters, await BlocksAsync(request.Network, heights))
        {
            RegisteredChain = registered,
            ExpectedChainId = request.ExpectedChainId,
            HierarchyCache = node.HierarchyCache,
            SignatureCache = node.SignatureCache,
        };
        ProofVerificationResult result = path is not null ? ProofVerifier.VerifyPath(path, context)
            : compact is not null ? ProofVerifier.VerifyCompact(compact, context)
            : ProofVerifier.VerifyFull(full!, context);
        return Outcome(result, registered is not null);
    }

    /// <summary>
    /// An ultra-compact claim about a chain registered here: the caller's reference path proof (this
    /// node's own, at the claim's height) is verified in full, then every claim field and the nonce.
    /// </summary>
    private async Task<ProofVerificationOutcome> VerifyUltraCompactAsync(ProofVerificationRequest request, byte[] encoded)
    {
        Hash32 chainId = request.ExpectedChainId
            ?? throw new ArgumentException("An ultra-compact claim is checked against a chain: the expected chain id is required.", nameof(request));
        if (request.Nonce.IsDefault || request.Nonce.Length != AuditorNonce.Size)
        {
            throw new ArgumentException($"An ultra-compact claim needs the auditor's {AuditorNonce.Size}-byte nonce; the request has {(request.Nonce.IsDefault ? 0 : request.Nonce.Length)} bytes.", nameof(request));
        }

        if (request.ReferencePath.IsDefaultOrEmpty)
        {
            throw new ArgumentException("An ultra-compact claim needs this node's reference path proof at the claim's height.", nameof(request));
        }

        ChainHeader? registered = await RegisteredAsync(chainId);
        UltraCompactClaim claim;
        PathProof reference;
        try
        {
            claim = UltraCompactClaim.Decode(encoded);
            reference = PathProof.Decode(request.ReferencePath.AsSpan());
        }
        catch (FormatException error)
        {
            return Outcome(ProofVerificationResult.Fail(ProofFailure.Malformed, error.Message), registered is not null);
        }

        ProofVerificationContext context = new(node.Key.PublicKey, node.Parameters, await BlocksAsync(request.Network, [claim.GlobalHeight]))
        {
            RegisteredChain = registered,
            ExpectedChainId = chainId,
            HierarchyCache = node.HierarchyCache,
            SignatureCache = node.SignatureCache,
        };
        ProofVerificationResult result = ProofVerifier.VerifyUltraCompact(claim, reference, new AuditorNonce(request.Nonce.AsSpan()), context);
        return Outcome(result, registered is not null);
    }

    private async Task<ChainHeader?> RegisteredAsync(Hash32 chainId) =>
        (await GrainFactory.GetGrain<IChainGrain>(chainId.ToString()).GetSummaryAsync()).Header;

    /// <summary>The network's retained block records at <paramref name="heights"/> as public blocks (missing ones are simply unknown).</summary>
    private async Task<PublicBlockTable> BlocksAsync(string network, IEnumerable<ulong> heights)
    {
        IBlockIngressGrain ingress = GrainFactory.GetGrain<IBlockIngressGrain>(network);
        BlockRecord?[] records = await Task.WhenAll(heights.Distinct().Select(ingress.GetBlockAsync));
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

    private Hash32? ChainOf(CompactProof proof)
    {
        try
        {
            return proof.Registration.ToHeader(node.Key.PublicKey).ChainId;
        }
        catch (ArgumentException)
        {
            // The verifier reports the invalid registration itself.
            return null;
        }
    }

    private static ProofVerificationOutcome Outcome(ProofVerificationResult result, bool registered) =>
        new(result.Failure, result.Reason, result.ChainId, result.Height, registered);
}
