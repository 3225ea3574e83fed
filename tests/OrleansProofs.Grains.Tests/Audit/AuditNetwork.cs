// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Checkpoints;
using OrleansProofs.Grains.Ledger;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// A prover node and a verifier node, each the embedded host with its real HTTP gateway on loopback, fed the
/// same deterministic development chain block by block (<c>--block-source none</c>; the test announces each
/// block to both ingresses), sharing one token ledger as a layer-1 token contract would be shared. The
/// verifier audits the prover at its gateway (the prover's own address unless a test puts a
/// tampering front in between) under <see cref="ProverKey"/> (the prover's own key unless a test claims another).
/// With latency peers, further verifier nodes audit the same gateway and time latency probes for the verifier
/// (each lists every other verifier in its LatencyPeers; the peers ask no probes of their own and sample no proofs, to keep the load down).
/// </summary>
internal sealed class AuditNetwork : IAsyncDisposable
{
    public const string Seed = "audit-seed";

    private readonly List<EmbeddedNode> _peers = [];
    private ulong _height;

    private AuditNetwork(EmbeddedNode prover, EmbeddedNode verifier)
    {
        Prover = prover;
        Verifier = verifier;
    }

    /// <summary>The ledger both nodes use.</summary>
    public MemoryTokenLedger Ledger { get; } = new();

    public EmbeddedNode Prover { get; }

    public EmbeddedNode Verifier { get; }

    /// <summary>The peer verifiers (latency vantage points besides the verifier), in the verifier's LatencyPeers order.</summary>
    public IReadOnlyList<EmbeddedNode> Peers => _peers;

    /// <summary>The key the verifier audits under.</summary>
    public ProverPublicKey ProverKey { get; private set; }

    /// <summary>The verifier's key (its reports' signer).</summary>
    public ProverPublicKey VerifierKey => Verifier.Prover;

    /// <summary>The latest announced height.</summary>
    public ulong Height => _height;

    /// <summary>The audit grain of the audited prover.</summary>
    public IProverAuditGrain Audit => Verifier.Grains.GetGrain<IProverAuditGrain>(ProverKey.ToString());

    /// <summary>
    /// Starts the prover, anchors a file of <paramref name="chunks"/> chunks on it, then starts the verifier
    /// auditing <paramref name="gateway"/> (default: the prover's API) under <paramref name="claimedKey"/> (default:
    /// the prover's key). <paramref name="proverServices"/> changes the prover's services (fault injection);
    /// <paramref name="vdf"/> false runs the prover without its continuous VDF.
    /// </summary>
    public static async Task<(AuditNetwork Network, Hash32 ChainId)> StartAsync(
        int chunks,
        int failureThreshold = 1_000,
        Func<Uri, Task<Uri>>? gateway = null,
        ProverPublicKey? claimedKey = null,
        Action<IServiceCollection>? proverServices = null,
        bool vdf = true,
        bool checkpoints = false,
        int latencyPeers = 0,
        Func<int, Uri, Task<Uri>>? peerGateway = null,
        IReadOnlyDictionary<string, string?>? verifierSettings = null)
    {
        // The prover's own account holds exactly its registration bond, so the balances the tests assert
        // start from the harness's funding below; checkpoints (and their bonds) only when a test asks.
        EmbeddedNode prover = new(new Dictionary<string, string?>
        {
            [NodeHost.LedgerSection + ":NodeFunding"] = "100",
            [NodeHost.CheckpointSection + ":Enabled"] = checkpoints ? "true" : "false",
        }, api: true);
        EmbeddedNode verifier = new(new Dictionary<string, string?>(), api: true);
        AuditNetwork network = new(prover, verifier);
        try
        {
            prover.ConfigureServices = services =>
            {
                network.ShareLedger(services);
                proverServices?.Invoke(services);
            };
            // Checkpoints every 16,384 iterations, so the blocks this test announces back to back (each only
            // the dev profile's 10,000 iterations apart) are covered by durable checkpoints within a block or two.
            prover.Settings[NodeHost.NodeSection + ":VdfCheckpointIterations"] = "16384";
            prover.Settings[NodeHost.NodeSection + ":VdfEnabled"] = vdf ? "true" : "false";
            await prover.StartAsync("--block-source", "none");
            await network.AnnounceToAsync(prover, 1);

            byte[] data = new byte[chunks * 4096];
            new Random(chunks).NextBytes(data);
            await File.WriteAllBytesAsync(Path.Combine(prover.DataDirectory, "file.bin"), data);
            Hash32 chainId = await prover.Grains.GetGrain<INodeGrain>(0).ComputeChainIdAsync("file.bin");
            await prover.Grains.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest("file.bin", "dev"));

            Uri audited = gateway is null ? prover.ApiAddress : await gateway(prover.ApiAddress);
            network.ProverKey = claimedKey ?? prover.Prover;
            verifier.Settings[NodeHost.NodeSection + ":Role"] = "verifier";
            verifier.Settings[NodeHost.CheckpointSection + ":Enabled"] = "false";
            verifier.Settings[NodeHost.VerifierSection + ":Provers:0:Gateway"] = audited.ToString();
            verifier.Settings[NodeHost.VerifierSection + ":Provers:0:PublicKey"] = network.ProverKey.ToString();
            verifier.Settings[NodeHost.VerifierSection + ":FailureThreshold"] = failureThreshold.ToString(CultureInfo.InvariantCulture);
            verifier.Settings[NodeHost.VerifierSection + ":PollInterval"] = "00:00:00.020";
            verifier.Settings[NodeHost.VerifierSection + ":BlockRecordWait"] = "00:00:01";
            verifier.ConfigureServices = network.ShareLedger;
            foreach ((string key, string? value) in verifierSettings ?? new Dictionary<string, string?>())
            {
                verifier.Settings[key] = value;
            }

            if (latencyPeers > 0)
            {
                await network.StartPeersAsync(latencyPeers, audited, peerGateway);
            }

            await verifier.StartAsync("--block-source", "none");
            await network.AnnounceToAsync(verifier, 1);
            network._height = 1;

            // The first audit (height 1) sees the chain still pending: no challenges before the chain's first record.
            foreach (EmbeddedNode peer in network._peers)
            {
                await network.WaitForAuditAsync(peer, 1);
            }

            await network.WaitForAuditAsync(1);

            await network.Ledger.CreditAsync("fund/pool", LedgerAccounts.RewardPool, 1_000_000);
            await network.Ledger.CreditAsync("fund/prover", network.ProverKey.ToString(), 10_000);
            await network.Ledger.CreateBondAsync("bond/prover", network.ProverKey.ToString(), BondPurpose.Checkpoint, 1_000);
            return (network, chainId);
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Announces the next block to the prover, then to the peers (waiting until each audited it, so they have pinned
    /// what the verifier's probes ask about), then to the verifier, and waits until the verifier audited it.
    /// </summary>
    public async Task<ProverAuditSummary> NextBlockAsync()
    {
        ulong height = ++_height;
        await AnnounceToAsync(Prover, height);
        foreach (EmbeddedNode peer in _peers)
        {
            await AnnounceToAsync(peer, height);
            await WaitForAuditAsync(peer, height);
        }

        await AnnounceToAsync(Verifier, height);
        return await WaitForAuditAsync(height);
    }

    private Task<ProverAuditSummary> WaitForAuditAsync(ulong height) => WaitForAuditAsync(Verifier, height);

    /// <summary>
    /// Starts <paramref name="count"/> peer verifiers auditing <paramref name="audited"/>: every verifier gets its key
    /// before any starts (so each can list the others), the verifier reaches peer i at <paramref name="peerGateway"/>
    /// (default: the peer's own API), and the peers reach each other and the verifier directly.
    /// </summary>
    private async Task StartPeersAsync(int count, Uri audited, Func<int, Uri, Task<Uri>>? peerGateway)
    {
        for (int i = 0; i < count; i++)
        {
            _peers.Add(new EmbeddedNode(new Dictionary<string, string?>(), api: true));
        }

        List<EmbeddedNode> verifiers = [Verifier, .. _peers];
        foreach (EmbeddedNode node in verifiers)
        {
            using NodeKey key = NodeKey.Generate();
            NodeKeyFile.Save(key, Path.Combine(node.DataDirectory, "node.key"));
        }

        for (int i = 0; i < count; i++)
        {
            Uri address = peerGateway is null ? _peers[i].ApiAddress : await peerGateway(i, _peers[i].ApiAddress);
            Verifier.Settings[$"{NodeHost.VerifierSection}:LatencyPeers:{i}:Gateway"] = address.ToString();
            Verifier.Settings[$"{NodeHost.VerifierSection}:LatencyPeers:{i}:PublicKey"] = _peers[i].Prover.ToString();
        }

        foreach (EmbeddedNode peer in _peers)
        {
            foreach ((string key, string? value) in Verifier.Settings.Where(s => s.Key.StartsWith(NodeHost.VerifierSection + ":Provers", StringComparison.Ordinal)
                || s.Key.StartsWith(NodeHost.VerifierSection + ":PollInterval", StringComparison.Ordinal)
                || s.Key.StartsWith(NodeHost.VerifierSection + ":FailureThreshold", StringComparison.Ordinal)
                || s.Key.StartsWith(NodeHost.VerifierSection + ":BlockRecordWait", StringComparison.Ordinal)))
            {
                peer.Settings[key] = value;
            }

            peer.Settings[NodeHost.NodeSection + ":Role"] = "verifier";
            peer.Settings[NodeHost.CheckpointSection + ":Enabled"] = "false";
            peer.Settings[NodeHost.VerifierSection + ":LatencyProbesPerBlock"] = "0";
            peer.Settings[NodeHost.VerifierSection + ":ProofSamplesPerBlock"] = "0";
            peer.Settings[NodeHost.VerifierSection + ":VdfSegmentsPerBlock"] = "0";
            int index = 0;
            foreach (EmbeddedNode other in verifiers.Where(v => v != peer))
            {
                peer.Settings[$"{NodeHost.VerifierSection}:LatencyPeers:{index}:Gateway"] = other.ApiAddress.ToString();
                peer.Settings[$"{NodeHost.VerifierSection}:LatencyPeers:{index}:PublicKey"] = other.Prover.ToString();
                index++;
            }

            peer.ConfigureServices = ShareLedger;
            await peer.StartAsync("--block-source", "none");
            await AnnounceToAsync(peer, 1);
        }
    }

    /// <summary>Waits until <paramref name="node"/> audited the prover at <paramref name="height"/>.</summary>
    public async Task<ProverAuditSummary> WaitForAuditAsync(EmbeddedNode node, ulong height)
    {
        IProverAuditGrain audit = node.Grains.GetGrain<IProverAuditGrain>(ProverKey.ToString());
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            ProverAuditSummary summary = await audit.GetSummaryAsync();
            if (summary.LastHeight >= height)
            {
                return summary;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Verifier {node.ApiAddress} did not audit height {height} within a minute (last audited: {summary.LastHeight?.ToString(CultureInfo.InvariantCulture) ?? "none"}).");
            await Task.Delay(20);
        }
    }

    /// <summary>The path of the prover's replica of <paramref name="chainId"/>.</summary>
    public string ReplicaPath(Hash32 chainId) => Path.Combine(Prover.DataDirectory, "replicas", chainId + ".replica");

    public async ValueTask DisposeAsync()
    {
        foreach (EmbeddedNode peer in _peers)
        {
            await peer.DisposeAsync();
        }

        await Verifier.DisposeAsync();
        await Prover.DisposeAsync();
    }

    /// <summary>The checkpoint channel both nodes use (the layer-1 chain's checkpoint storage, shared like the ledger).</summary>
    public MemoryCheckpointChannel Checkpoints { get; } = new();

    private void ShareLedger(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ITokenLedger>(Ledger));
        services.Replace(ServiceDescriptor.Singleton<ICheckpointChannel>(Checkpoints));
    }

    private async Task AnnounceToAsync(EmbeddedNode node, ulong height)
    {
        BlockResult result = await node.Grains.GetGrain<IBlockIngressGrain>("dev").OnBlockAsync(
            new BlockAnnouncement(height, DevBlockSource.HashAt(Seed, "dev", height), (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.True(result.IsAccepted, $"Block {height}: {result.Rejection} {result.Detail}");
    }
}
