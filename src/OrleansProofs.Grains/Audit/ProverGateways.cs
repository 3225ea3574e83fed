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
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = value.RequestTimeout,
        })
        {
            // Each request carries its own deadline (ProverGatewayClient); this only stops the default 100 s.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        foreach (AuditedProver prover in value.Provers)
        {
            if (Core.Hashing.Hash32.TryParse(prover.PublicKey, out Core.Hashing.Hash32 key) && Uri.TryCreate(prover.Gateway, UriKind.Absolute, out Uri? url))
            {
                Uri baseAddress = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
                _provers[new ProverPublicKey(key.Bytes)] = (prover, new ProverGatewayClient(_http, baseAddress, value.RequestTimeout));
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
