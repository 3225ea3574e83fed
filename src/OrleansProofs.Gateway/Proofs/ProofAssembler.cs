// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Proofs;

/// <summary>
/// Builds proofs with Core's <see cref="ProofBuilder"/> from grain data only: the chain grain's
/// header and proof window, the ingress's block record (its signed attestation) and hierarchy path,
/// and — for full proofs — chunk openings read by the chain grain from its replica.
/// </summary>
internal sealed class ProofAssembler(NodeGrains node)
{
    /// <summary>
    /// Loads what a proof of <paramref name="chainId"/> at <paramref name="height"/> needs; without a
    /// height, the newest record whose block is recorded. A problem (404) when something is missing.
    /// </summary>
    public async Task<(ProofSource? Source, IResult? Problem)> LoadAsync(Hash32 chainId, ulong? height)
    {
        ChainInfo info = await node.Chain(chainId).GetInfoAsync();
        if (info.Header is not { } header)
        {
            return (null, Problems.NotFound("chainId", $"no chain {chainId} is registered on this node."));
        }

        if (info.Window.IsEmpty)
        {
            return (null, Problems.NotFound("height", $"chain {chainId} has no records yet; it is pending until block {header.FirstHeight}."));
        }

        int end;
        if (height is { } wanted)
        {
            end = LastIndex(info.Window, r => r.Height == wanted);
            if (end < 0)
            {
                return (null, Problems.NotFound("height",
                    $"chain {chainId} holds records for heights {info.Window[0].Height}..{info.Window[^1].Height} (its proof window); {wanted} is not among them."));
            }
        }
        else
        {
            BlockRecord? latest = await node.Ingress.GetLatestAsync();
            end = latest is null ? -1 : LastIndex(info.Window, r => r.Height <= latest.Height);
            if (end < 0)
            {
                return (null, Problems.NotFound("height", $"no record of chain {chainId} is covered by a recorded block yet."));
            }
        }

        ulong at = info.Window[end].Height;
        if (await node.Ingress.GetBlockAsync(at) is not { } block)
        {
            return (null, Problems.NotFound("height", $"block {at} is not recorded or no longer retained by this node."));
        }

        HierarchyPath path;
        try
        {
            path = await node.Ingress.GetHierarchyPathAsync(chainId, at);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return (null, Problems.NotFound("height", Problems.ReasonOf(error)));
        }

        return (new ProofSource(info, header, [.. info.Window[..(end + 1)]], block, path), null);
    }

    /// <summary>Builds and encodes <paramref name="format"/> from <paramref name="source"/>.</summary>
    public async Task<byte[]> EncodeAsync(ProofSource source, ProofFormat format, AuditorNonce nonce)
    {
        BlockAttestation attestation = source.Block.ToAttestation();
        byte[] signature = [.. source.Block.Signature];
        ChainRecord record = source.Records[^1];
        switch (format)
        {
            case ProofFormat.UltraCompact:
                return ProofBuilder.BuildUltraCompact(source.Header, record, source.Path, attestation, nonce).Encode();
            case ProofFormat.Path:
                return BuildPath(source).Encode();
            case ProofFormat.Compact:
                return ProofBuilder.BuildCompact(source.Header, source.Records, source.Path, attestation, signature).Encode();
            default:
                ImmutableArray<ulong> indices = [.. source.Records.SelectMany(r => r.Indices)];
                ImmutableArray<ChunkOpeningData> openings = indices.IsEmpty ? [] : await node.Chain(source.Header.ChainId).OpenChunksAsync(indices);
                return ProofBuilder.BuildFull(source.Header, source.Records, source.Path, attestation, signature, new PrefetchedReplica(openings)).Encode();
        }
    }

    private static int LastIndex(ImmutableArray<ChainRecord> window, Func<ChainRecord, bool> match)
    {
        for (int i = window.Length - 1; i >= 0; i--)
        {
            if (match(window[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The path proof of <paramref name="source"/>'s last record.</summary>
    public static PathProof BuildPath(ProofSource source) =>
        ProofBuilder.BuildPath(source.Records[^1], source.Header.ChainId, source.Path, source.Block.ToAttestation(), [.. source.Block.Signature]);
}
