// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;

namespace OrleansProofs.Grains.Chains;

/// <summary>Registration: encode the replica, anchor at the latest recorded block, enroll with the ingress.</summary>
internal sealed partial class ChainGrain
{
    /// <summary>How often registration re-anchors when blocks keep arriving between reading the anchor and enrolling.</summary>
    private const int MaxAnchorAttempts = 5;

    /// <inheritdoc/>
    public async Task<RegisteredChain> RegisterAsync(ChainRegistrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Header is not null && state.State.Network != request.Network)
        {
            throw new ArgumentException(
                $"Chain {_chainId} is registered on network '{state.State.Network}'; the request names network '{request.Network}'.", nameof(request));
        }

        if (state.State.Removal is { } removal)
        {
            throw new InvalidOperationException(
                $"Chain {_chainId} {(state.State.RemovalCompleted ? "left" : "is leaving")} the network at block {removal.RemovalHeight} ({removal.Kind}); a removed chain's id cannot be registered again.");
        }

        if (state.State is { Header: { } registered, Enrolled: true })
        {
            return ToRegistration(registered);
        }

        if (state.State.Header is null && ChainRegistrationRules.FindProblem(request.RetentionPolicy, request.Metadata) is { } problem)
        {
            throw new ArgumentException($"Registration field {problem.Field} {problem.Reason}", nameof(request));
        }

        string network = state.State.Header is null ? request.Network : state.State.Network;
        string retention = state.State.Header is null ? request.RetentionPolicy : state.State.RetentionPolicy;
        ImmutableDictionary<string, string> metadata = state.State.Header is null
            ? request.Metadata ?? ImmutableDictionary<string, string>.Empty
            : state.State.Metadata;
        if (string.IsNullOrWhiteSpace(network))
        {
            throw new ArgumentException("The network (block ingress key) must be named.", nameof(request));
        }

        IBlockIngressGrain ingress = Ingress(network);
        BlockRecord latest = await ingress.GetLatestAsync()
            ?? throw new InvalidOperationException($"Network '{network}' has recorded no block yet; a chain anchors to the latest recorded block, so registration waits for the first one.");

        ChainHeader header;
        if (state.State.Header is { } encoded)
        {
            header = encoded;
        }
        else
        {
            // The bond is checked before the (costly) encoding and posted before any state is written:
            // a prover that cannot post it leaves no chain behind (ChainGrain.Bond.cs).
            _ = node.ResolveDataPath(request.DataPath, nameof(request));
            await CheckRegistrationBondAsync();
            header = await EncodeReplicaAsync(request, latest);
            try
            {
                await PostRegistrationBondAsync();
            }
            catch
            {
                DeleteReplicaFiles(node.ReplicaPathFor(_chainId));
                throw;
            }
        }

        for (int attempt = 0; attempt < MaxAnchorAttempts; attempt++)
        {
            if (header.AnchorHeight != latest.Height || header.AnchorBlockHash != latest.BlockHash)
            {
                header = Reanchor(header, latest);
            }

            await SaveAsync(new ChainState
            {
                Header = header,
                Network = network,
                HeadHeight = header.AnchorHeight,
                Head = header.AnchoredCommitment,
                RetentionPolicy = retention,
                Metadata = metadata,
            });
            ChainPlacement placement = await ingress.EnrollChainAsync(new ChainEnrollment(_chainId, header.AnchorHeight, header.AnchorBlockHash, retention));
            if (!placement.IsStale)
            {
                await SaveAsync(state.State with { Enrolled = true, GroupId = placement.GroupId, RegionId = placement.RegionId });
                LogRegistered(logger, _chainId, network, header.TotalChunks, header.AnchorHeight, placement.GroupId);
                return ToRegistration(header);
            }

            latest = await ingress.GetLatestAsync() ?? throw new InvalidOperationException($"Network '{network}' lost its latest block during registration.");
        }

        throw new InvalidOperationException($"Chain {_chainId}: blocks kept arriving while enrolling; gave up after {MaxAnchorAttempts} anchors (last tried height {header.AnchorHeight}). Retry the registration.");
    }

    private async Task<ChainHeader> EncodeReplicaAsync(ChainRegistrationRequest request, BlockRecord anchor)
    {
        string dataPath = node.ResolveDataPath(request.DataPath, nameof(request));
        string replicaPath = node.ReplicaPathFor(_chainId);

        // No state means no registration: replica files under this chain's name are leftovers of an
        // interrupted registration, never a live replica.
        DeleteReplicaFiles(replicaPath);
        ReplicaInfo info;
        try
        {
            info = await ReplicaEncoder.EncodeFileAsync(
                dataPath,
                replicaPath,
                node.Key.PublicKey,
                node.Parameters.ReplicaWorkFactor,
                new ReplicaEncodeOptions { MinimumFileLength = checked((long)node.Parameters.MinimumFileSizeBytes) });
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"The file '{request.DataPath}' cannot be registered: {error.Message}", nameof(request), error);
        }

        Core.Hashing.Hash32 chainId = ChainId.Compute(info.DataHash, node.Key.PublicKey);
        if (chainId != _chainId)
        {
            DeleteReplicaFiles(replicaPath);
            throw new ArgumentException(
                $"The file '{request.DataPath}' is chain {chainId} under this node's key; this grain is chain {_chainId}.", nameof(request));
        }

        return ChainHeader.Create(
            info.DataHash, node.Key.PublicKey, info.ReplicaRoot, (ulong)info.FileLength, info.EncodingVersion, info.WorkFactor, anchor.Height, anchor.BlockHash);
    }

    private static ChainHeader Reanchor(ChainHeader header, BlockRecord anchor) =>
        new(header.ChainId, header.DataHash, header.ProverPublicKey, header.ReplicaRoot, header.TotalChunks, header.FileLength,
            header.EncodingVersion, header.WorkFactor, anchor.Height, anchor.BlockHash);

    private RegisteredChain ToRegistration(ChainHeader header) =>
        new(_chainId, state.State.GroupId, state.State.RegionId, header.AnchorHeight, header.FirstHeight, header.ReplicaRoot, header.TotalChunks, state.State.RetentionPolicy);
}
