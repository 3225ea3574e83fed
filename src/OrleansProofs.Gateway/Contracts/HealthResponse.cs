// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>GET /health</c> when the silo and grain storage answer.</summary>
public sealed record HealthResponse(string Status, string Silo, string Storage, string Network, string Profile, string ProverPublicKey, ulong? LatestHeight);
