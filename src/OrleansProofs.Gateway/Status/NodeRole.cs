// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Status;

/// <summary>The roles of design §6 a node can run.</summary>
internal static class NodeRole
{
    /// <summary>
    /// The prover: it runs the chains, signs every block's global root and answers proofs. Every node runs
    /// it; a healthy node reports its configured role (prover, verifier or both) from the silo, an
    /// unready one — whose silo may not answer — this default.
    /// </summary>
    public const string Prover = "prover";
}
