// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Hosting;

/// <summary>What the HTTP gateway serves and how it authenticates block adapters.</summary>
public sealed class GatewayOptions
{
    /// <summary>Gets or sets the network (block ingress key) this gateway serves. Default: "default".</summary>
    public string Network { get; set; } = "default";

    /// <summary>
    /// Gets or sets the bearer token a blockchain adapter presents on <c>POST /api/blocks</c>. When null
    /// or empty, every push is refused with 401 (a gateway never accepts unauthenticated blocks). Default: null.
    /// </summary>
    public string? AdapterToken { get; set; }

    /// <summary>Gets or sets the largest proof body <c>POST /api/proofs/verify</c> reads, in bytes. Default: 4 MiB.</summary>
    public int MaxProofBytes { get; set; } = 4 * 1024 * 1024;
}
