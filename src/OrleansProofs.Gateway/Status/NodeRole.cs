// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Status;

/// <summary>The roles of design §6 a node can run.</summary>
internal static class NodeRole
{
    /// <summary>
    /// The prover: it runs the chains, signs every block's global root and answers proofs. It is the
    /// only role this node implements (a verifier follows provers' gateways, which nothing here does yet).
    /// </summary>
    public const string Prover = "prover";
}
