// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// The ledger account of a prover (or verifier): its Ed25519 public key in 64 lower-case hex digits,
/// so anyone who knows the key knows the account, and a real chain's adapter can map it to an address.
/// </summary>
public static class ProverAccount
{
    /// <summary>The account of <paramref name="key"/>.</summary>
    public static string Of(ProverPublicKey key) => key.ToString();
}
