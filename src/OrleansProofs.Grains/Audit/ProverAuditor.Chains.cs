// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Audit;

/// <summary>The prover's chains: listing, pinning registrations, and verifying sampled compact proofs.</summary>
internal sealed partial class ProverAuditor
{
    /// <summary>Chains per listing page (the gateway's maximum).</summary>
    private const int ListPageSize = 1_000;

    /// <summary>
    /// Marks the chains the prover lists as active and pins each new one's registration: its chain id must
    /// recompute from the data hash under the configured prover key (so another prover's chain, served as
    /// this one's, is refused), and its anchor hash must be the verifier's own block at the anchor height
    /// when the verifier still has that block. With a verified <paramref name="record"/>, the listing is the
    /// chains that block covered, and it must hold exactly the record's signed chain count: a prover that left
    /// chains out of its listing would keep them out of every challenge while its roots still cover them.
    /// Returns the failures found.
    /// </summary>
    private async Task<int> RefreshChainsAsync(ProverAuditState state, BlockTable blocks, AuditBlock block, ProverBlockRecord? record, CancellationToken cancellationToken)
    {
        List<Hash32> listed = [];
        try
        {
            Hash32? after = null;
            do
            {
                (IReadOnlyList<Hash32> page, Hash32? next) = await client.ListChainsAsync(record?.Attestation.Height, after, ListPageSize, cancellationToken);
                listed.AddRange(page);
                after = next;
            }
            while (after is not null);
        }
        catch (ProverGatewayException error)
        {
            Fail(state, null, $"block {block.Height}: listing the prover's chains failed: {error.Message}");
            return 1;
        }

        int failures = 0;
        if (record is not null && (ulong)listed.Count != record.Attestation.TotalChains)
        {
            // The listing itself is the failure; challenges still go to the chains it names.
            failures++;
            Fail(state, null, $"block {block.Height}: the prover lists {listed.Count} chains as covered by this block; its signed record covers {record.Attestation.TotalChains}.");
        }

        foreach (ChainAuditState chain in state.Chains.Values)
        {
            chain.Active = false;
        }

        foreach (Hash32 chainId in listed)
        {
            string key = chainId.ToString();
            if (state.Chains.TryGetValue(key, out ChainAuditState? known))
            {
                known.Active = true;
                continue;
            }

            (ChainAuditState? pinned, string? refusal) = await PinAsync(chainId, blocks, cancellationToken);
            if (pinned is null)
            {
                failures++;
                Fail(state, null, $"block {block.Height}: chain {chainId}: {refusal}");
                continue;
            }

            pinned.Active = true;
            state.Chains[key] = pinned;
        }

        return failures;
    }

    private async Task<(ChainAuditState? Chain, string? Refusal)> PinAsync(Hash32 chainId, BlockTable blocks, CancellationToken cancellationToken)
    {
        ProverChainRegistration? registration;
        try
        {
            registration = await client.GetChainAsync(chainId, cancellationToken);
        }
        catch (ProverGatewayException error)
        {
            return (null, error.Message);
        }

        if (registration is null)
        {
            return (null, "listed as active, but the prover's gateway does not know it (404).");
        }

        ChainHeader header;
        try
        {
            header = registration.ToHeader(prover);
        }
        catch (ArgumentException error)
        {
            return (null, $"its registration breaks a header rule: {error.Message}");
        }

        if (header.ChainId != chainId || registration.ChainId != chainId)
        {
            return (null, $"its data hash under the prover key {prover} gives chain id {header.ChainId}, not {chainId}: the chain is not this prover's.");
        }

        if (header.TotalChunks != registration.TotalChunks)
        {
            return (null, $"its totalChunks {registration.TotalChunks} is not the {header.TotalChunks} its file length gives.");
        }

        await blocks.LoadAsync([header.AnchorHeight]);
        PublicBlock? anchor = blocks.Get(header.AnchorHeight);
        if (anchor is not null && anchor.BlockHash != header.AnchorBlockHash)
        {
            return (null, $"its anchor block hash {header.AnchorBlockHash} is not the layer-1 block {anchor.BlockHash} at height {header.AnchorHeight}.");
        }

        return (new ChainAuditState
        {
            DataHash = header.DataHash,
            ReplicaRoot = header.ReplicaRoot,
            FileLength = header.FileLength,
            TotalChunks = header.TotalChunks,
            EncodingVersion = header.EncodingVersion,
            WorkFactor = header.WorkFactor,
            AnchorHeight = header.AnchorHeight,
            AnchorBlockHash = header.AnchorBlockHash,
            AnchorChecked = anchor is not null,
        }, null);
    }

    /// <summary>
    /// Fetches the compact proof at the block of <see cref="VerifierOptions.ProofSamplesPerBlock"/> randomly chosen
    /// active chains and verifies each with Core's <see cref="ProofVerifier"/> against the verifier's own blocks and the
    /// pinned registration. A chain without a proof at that height (404: it activates later) is skipped. Returns the failures.
    /// </summary>
    private async Task<int> SampleProofsAsync(ProverAuditState state, BlockTable blocks, AuditBlock block, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, ChainAuditState>> active = [.. state.Chains.Where(c => c.Value.Active && c.Value.AnchorHeight < block.Height)];
        int samples = Math.Min(options.ProofSamplesPerBlock, active.Count);
        if (samples == 0)
        {
            return 0;
        }

        ulong first = block.Height > (ulong)parameters.ProofWindowBlocks ? block.Height - (ulong)parameters.ProofWindowBlocks : 0;
        await blocks.LoadAsync(Enumerable.Range(0, (int)(block.Height - first) + 1).Select(offset => first + (ulong)offset));
        int failures = 0;
        foreach (KeyValuePair<string, ChainAuditState> entry in Sample(active, samples))
        {
            ChainAuditState chain = entry.Value;
            Hash32 chainId = Hash32.Parse(entry.Key);
            string? failure = await VerifyProofAsync(chainId, chain, blocks, block, cancellationToken);
            metrics.Proof(failure is null);
            if (failure is null)
            {
                state.ProofsValid++;
                chain.ProofsValid++;
            }
            else
            {
                state.ProofsInvalid++;
                chain.ProofsInvalid++;
                failures++;
                Fail(state, chain, $"block {block.Height}: chain {chainId}: compact proof: {failure}");
            }
        }

        return failures;
    }

    /// <summary>Null when the proof verified, else the failure (a missing proof included).</summary>
    private async Task<string?> VerifyProofAsync(Hash32 chainId, ChainAuditState chain, BlockTable blocks, AuditBlock block, CancellationToken cancellationToken)
    {
        (byte[] Proof, ulong Height)? fetched;
        try
        {
            fetched = await client.GetCompactProofAsync(chainId, block.Height, cancellationToken);
        }
        catch (ProverGatewayException error)
        {
            return error.Message;
        }

        if (fetched is not { } proof)
        {
            // Sampled proofs come from the listing of the chains this block covered (its signed record counts them):
            // every one of them has a record at this height, so a missing proof is a chain listed but not held.
            return $"listed as covered by block {block.Height}, but the prover has no compact proof of it there (404).";
        }

        ChainHeader header = ChainHeader.Create(chain.DataHash, prover, chain.ReplicaRoot, chain.FileLength, chain.EncodingVersion, chain.WorkFactor, chain.AnchorHeight, chain.AnchorBlockHash);
        // The silo's verification caches hold only values this silo recomputed itself (docs/security.md §5a).
        ProofVerificationContext context = new(prover, parameters, blocks)
        {
            RegisteredChain = header,
            ExpectedChainId = chainId,
            HierarchyCache = hierarchyCache,
            SignatureCache = signatureCache,
        };
        ProofVerificationResult result = ProofVerifier.Verify(ProofFormat.Compact, proof.Proof, context);
        if (!result.IsValid)
        {
            return result.ToString();
        }

        return result.Height == block.Height ? null : $"the proof ends at height {result.Height}; asked for {block.Height}.";
    }

    /// <summary><paramref name="count"/> distinct items chosen uniformly with the CSPRNG (the prover must not know which proofs are checked).</summary>
    private static IEnumerable<T> Sample<T>(List<T> items, int count)
    {
        T[] copy = [.. items];
        for (int i = 0; i < count; i++)
        {
            int j = i + RandomNumberGenerator.GetInt32(copy.Length - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
            yield return copy[i];
        }
    }
}
