// SPDX-License-Identifier: MIT

namespace OrleansProofs.Silo.Hosting;

/// <summary>The embedded node's silo: localhost clustering on these ports and identities.</summary>
public sealed class LocalSiloOptions
{
    /// <summary>Gets or sets the silo-to-silo port. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Gets or sets the client gateway port. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Gets or sets the cluster id. Default: "posc-local".</summary>
    public string ClusterId { get; set; } = "posc-local";

    /// <summary>Gets or sets the service id; grain state is stored under it, so it must stay the same across restarts. Default: "orleans-proofs".</summary>
    public string ServiceId { get; set; } = "orleans-proofs";
}
