// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// What the verifier's two HTTP clients share: the provers' gateways (<see cref="ProverGateways"/>) and the peer
/// verifiers (<see cref="HttpNetworkAdapter"/>) are reached the same way and their failures reported the same way.
/// </summary>
internal static class VerifierHttp
{
    /// <summary>
    /// A client whose requests each carry their own deadline (the infinite client timeout only stops the default
    /// 100 s); connections are recycled every 2 minutes, so a gateway that moved is found again.
    /// </summary>
    public static HttpClient CreateClient(TimeSpan connectTimeout) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = connectTimeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary><paramref name="url"/> ending in '/', so relative request paths append to it instead of replacing its last segment.</summary>
    public static Uri BaseAddress(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    /// <summary>The start of a remote answer for an error message (an answer can be large, or hostile).</summary>
    public static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
