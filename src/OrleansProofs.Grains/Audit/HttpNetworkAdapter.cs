// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The default <see cref="INetworkAdapter"/>: the peers are <see cref="VerifierOptions.LatencyPeers"/>, and a
/// measurement is asked of a peer's gateway with <c>POST /api/latency/probes { "probe": hex }</c> (docs/api.md),
/// which answers <c>{ "measurement": hex, … }</c>. It only carries bytes: the auditor checks what comes back.
/// A request may take the peer's probe timeout plus the usual request timeout.
/// </summary>
internal sealed class HttpNetworkAdapter : INetworkAdapter, IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public HttpNetworkAdapter(IOptions<VerifierOptions> options)
    {
        VerifierOptions value = options.Value;
        _timeout = value.ChallengeTimeout + value.RequestTimeout;
        _http = VerifierHttp.CreateClient(value.RequestTimeout);
        List<VantagePoint> peers = [];
        foreach (LatencyPeer peer in value.LatencyPeers)
        {
            if (Hash32.TryParse(peer.PublicKey, out Hash32 key) && Uri.TryCreate(peer.Gateway, UriKind.Absolute, out Uri? url))
            {
                peers.Add(new VantagePoint(key.ToString(), VerifierHttp.BaseAddress(url)));
            }
        }

        Peers = peers;
    }

    /// <inheritdoc/>
    public IReadOnlyList<VantagePoint> Peers { get; }

    /// <inheritdoc/>
    public async Task<PeerMeasurement> RequestMeasurementAsync(VantagePoint peer, ImmutableArray<byte> signedProbe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        string body = $"{{\"probe\":\"{Convert.ToHexStringLower(signedProbe.AsSpan())}\"}}";
        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(peer.Address, "api/latency/probes"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            string content = await response.Content.ReadAsStringAsync(deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return PeerMeasurement.Failed($"peer {peer.Address} answered {(int)response.StatusCode}: {VerifierHttp.Excerpt(content)}");
            }

            using JsonDocument document = JsonDocument.Parse(content);
            return PeerMeasurement.Returned([.. Convert.FromHexString(document.RootElement.GetProperty("measurement").GetString() ?? string.Empty)]);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PeerMeasurement.Failed(string.Create(CultureInfo.InvariantCulture, $"peer {peer.Address} did not answer within {_timeout.TotalSeconds:F1} s."));
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return PeerMeasurement.Failed($"peer {peer.Address}: {error.Message}");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
