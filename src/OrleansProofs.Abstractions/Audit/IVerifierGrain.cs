// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>
/// This node's verifier role, answered on a silo (stateless worker, use key 0): whether it audits,
/// which provers, and their scores — so a gateway in another process can show them without the options.
/// </summary>
[Alias("OrleansProofs.IVerifierGrain")]
[Version(1)]
public interface IVerifierGrain : IGrainWithIntegerKey
{
    /// <summary>The node's role and, when it verifies, every audited prover's summary.</summary>
    [Alias("GetOverview")]
    Task<VerifierOverview> GetOverviewAsync();

    /// <summary>The node's role alone ("prover", "verifier" or "both"), without the audits (cheap: health checks ask it).</summary>
    [Alias("GetRole")]
    Task<string> GetRoleAsync();
}
