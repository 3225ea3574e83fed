// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Gateway.Hosting;

/// <summary>The grains the gateway talks to, for its configured network; works with a co-hosted silo's or a client's grain factory.</summary>
internal sealed class NodeGrains(IGrainFactory grains, IOptions<GatewayOptions> options)
{
    /// <summary>The cluster's grain factory (for grains without a shortcut here, such as the stateless workers).</summary>
    public IGrainFactory Grains => grains;

    /// <summary>The network served.</summary>
    public string Network => options.Value.Network;

    /// <summary>The gateway options.</summary>
    public GatewayOptions Options => options.Value;

    /// <summary>The network's block ingress.</summary>
    public IBlockIngressGrain Ingress => grains.GetGrain<IBlockIngressGrain>(Network);

    /// <summary>The node grain (stateless worker).</summary>
    public INodeGrain Node => grains.GetGrain<INodeGrain>(0);

    /// <summary>The chain grain of <paramref name="chainId"/>.</summary>
    public IChainGrain Chain(Hash32 chainId) => grains.GetGrain<IChainGrain>(chainId.ToString());

    /// <summary>The node's identity and its profile's consensus parameters.</summary>
    public async Task<(NodeIdentity Identity, ConsensusParameters Parameters)> IdentityAsync()
    {
        NodeIdentity identity = await Node.GetIdentityAsync();
        return (identity, ConsensusParameters.FromName(identity.Profile));
    }
}
