// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The verifier's connections to the provers it audits: one pooled <see cref="HttpClient"/> for the silo
/// (connections recycled every few minutes so DNS changes are seen) and a client per configured prover.
/// </summary>
internal sealed class ProverGateways : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<ProverPublicKey, (AuditedProver Prover, ProverGatewayClient Client)> _provers = [];

    public ProverGateways(IOptions<VerifierOptions> options)
    {
        VerifierOptions value = options.Value;
        _http = VerifierHttp.CreateClient(value.RequestTimeout);
        foreach (AuditedProver prover in value.Provers)
        {
            if (Core.Hashing.Hash32.TryParse(prover.PublicKey, out Core.Hashing.Hash32 key) && Uri.TryCreate(prover.Gateway, UriKind.Absolute, out Uri? url))
            {
                _provers[new ProverPublicKey(key.Bytes)] = (prover, new ProverGatewayClient(_http, VerifierHttp.BaseAddress(url), value.RequestTimeout));
            }
        }
    }

    /// <summary>The configured provers' keys, in configuration order.</summary>
    public IEnumerable<ProverPublicKey> Keys => _provers.Keys;

    /// <summary>The client of <paramref name="prover"/>, or null when it is not configured.</summary>
    public ProverGatewayClient? For(ProverPublicKey prover) => _provers.TryGetValue(prover, out var entry) ? entry.Client : null;

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
