// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The roles of design §6 (<see cref="Hosting.NodeOptions.Role"/>): a prover runs chains and answers
/// proofs and challenges; a verifier follows the same blocks and audits provers' gateways; both does both.
/// Every node keeps its own block ingress either way: its records are the verifier's own block hashes.
/// </summary>
public static class NodeRoles
{
    /// <summary>Runs chains, signs blocks, answers proofs and challenges (the default).</summary>
    public const string Prover = "prover";

    /// <summary>Audits the configured provers' gateways.</summary>
    public const string Verifier = "verifier";

    /// <summary>Both.</summary>
    public const string Both = "both";

    /// <summary>The accepted values.</summary>
    public static IReadOnlyList<string> All { get; } = [Prover, Verifier, Both];

    /// <summary>The canonical (lower-case) role of <paramref name="value"/>, or null when it is none of <see cref="All"/>.</summary>
    public static string? Normalize(string? value) =>
        All.FirstOrDefault(role => string.Equals(role, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="role"/> audits provers.</summary>
    public static bool Verifies(string? role) => Normalize(role) is Verifier or Both;
}
