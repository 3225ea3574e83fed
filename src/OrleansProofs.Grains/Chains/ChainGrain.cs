// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Chains;

/// <summary>
/// One chain (<see cref="IChainGrain"/>): registration (replica encoding and anchoring) lives in
/// ChainGrain.Register.cs, per-block commits in ChainGrain.Commit.cs, head durability (commitment log
/// and checkpoints) in ChainGrain.History.cs, removal in ChainGrain.Lifecycle.cs. The replica's
/// <see cref="Core.Storage.ChunkStore"/> is rented from the silo's bounded <see cref="ReplicaStores"/> per commit
/// or opening and closed on deactivation or removal.
/// </summary>
internal sealed partial class ChainGrain(
    [PersistentState("chain", NodeStorage.ProviderName)] IPersistentState<ChainState> state,
    NodeContext node,
    ICommitmentLog commitmentLog,
    ILogger<ChainGrain> logger) : Grain, IChainGrain
{
    private Hash32 _chainId;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string key = this.GetPrimaryKeyString();
        if (!Hash32.TryParse(key, out _chainId))
        {
            throw new ArgumentException($"A chain grain's key must be a chain id in 64 hex digits; got '{key}'.", nameof(key));
        }

        return CatchUpAsync();
    }

    /// <inheritdoc/>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ReleaseReplica();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<ChainInfo> GetInfoAsync() => InfoWith(await ReadWindowAsync());

    /// <inheritdoc/>
    public Task<ChainInfo> GetSummaryAsync() => Task.FromResult(InfoWith([]));

    /// <summary>The chain's info from its state, with <paramref name="window"/> as its proof window.</summary>
    private ChainInfo InfoWith(ImmutableArray<ChainRecord> window)
    {
        ChainState s = state.State;
        ChainHeader? header = s.Header;
        return new ChainInfo(
            _chainId,
            StatusOf(s),
            header,
            s.GroupId,
            s.RegionId,
            header?.TotalChunks ?? 0,
            header is null ? 0 : s.HeadHeight - header.AnchorHeight,
            header?.ReplicaRoot ?? Hash32.Zero,
            s.HeadHeight,
            s.Head,
            s.Faults,
            window,
            s.RetentionPolicy,
            s.Metadata,
            s.Removal,
            s.Archive);
    }

    /// <inheritdoc/>
    public async Task<ChainRecord?> GetRecordAsync(ulong height) =>
        (await ReadWindowAsync()).FirstOrDefault(r => r.Height == height);

    /// <inheritdoc/>
    public Task DeactivateAsync()
    {
        // The replica is released in OnDeactivateAsync, once this activation is idle.
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private IBlockIngressGrain Ingress(string network) => GrainFactory.GetGrain<IBlockIngressGrain>(network);

    /// <summary>Replaces the state and writes it; on a failed write the previous state is restored and the error rethrown.</summary>
    private async Task SaveAsync(ChainState next)
    {
        ChainState previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
            _persistedHeight = next.HeadHeight;
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }

    /// <summary>Closes this chain's replica in the silo's store (now, or when a commit in flight returns it), so the file can be deleted.</summary>
    private void ReleaseReplica()
    {
        node.Replicas.Close(_chainId);
        LogReplicaReleased(logger, _chainId);
    }

    private static void DeleteReplicaFiles(string replicaPath)
    {
        File.Delete(replicaPath);
        File.Delete(ReplicaLeafFile.PathFor(replicaPath));
    }
}
