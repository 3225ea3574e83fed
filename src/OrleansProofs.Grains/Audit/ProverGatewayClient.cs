// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The verifier's HTTP client of one prover's gateway (docs/api.md). It only fetches and parses:
/// everything it returns is the prover's claim, which the auditor checks against its own data
/// (block hashes, the configured key, pinned registrations). Every request has a timeout; a 404
/// comes back as null, any other failure as <see cref="ProverGatewayException"/>.
/// </summary>
internal sealed class ProverGatewayClient(HttpClient http, Uri gateway, TimeSpan requestTimeout)
{
    /// <summary>The gateway's base address.</summary>
    public Uri Gateway => gateway;

    /// <summary><c>GET /api/blocks/{height}</c>: the prover's signed block record, or null when it has none at that height.</summary>
    public async Task<ProverBlockRecord?> GetBlockAsync(ulong height, CancellationToken cancellationToken)
    {
        using JsonDocument? document = await GetJsonAsync(string.Create(CultureInfo.InvariantCulture, $"api/blocks/{height}"), cancellationToken);
        return document is null ? null : ProverBlockRecord.Parse(document.RootElement);
    }

    /// <summary>
    /// <c>GET /api/vdf/checkpoints?from=&amp;limit=</c>: one page of the prover's durable VDF checkpoints,
    /// decoded from their wire form (signatures are checked by the caller, with the configured key); empty
    /// when the prover runs no VDF.
    /// </summary>
    public async Task<(IReadOnlyList<VdfCheckpoint> Checkpoints, ulong? Next)> GetVdfCheckpointsAsync(ulong from, int limit, CancellationToken cancellationToken)
    {
        string path = string.Create(CultureInfo.InvariantCulture, $"api/vdf/checkpoints?from={from}&limit={limit}");
        using JsonDocument? document = await GetJsonAsync(path, cancellationToken);
        if (document is null)
        {
            return ([], null);
        }

        return Parsing.Guard(path, () =>
        {
            JsonElement root = document.RootElement;
            List<VdfCheckpoint> checkpoints = [.. root.GetProperty("checkpoints").EnumerateArray()
                .Select(item => VdfCheckpoint.Decode(Convert.FromBase64String(item.GetProperty("encoded").GetString() ?? string.Empty)))];
            ulong? next = root.TryGetProperty("next", out JsonElement n) && n.ValueKind == JsonValueKind.Number ? n.GetUInt64() : null;
            return ((IReadOnlyList<VdfCheckpoint>)checkpoints, next);
        });
    }

    /// <summary>
    /// <c>GET /api/chains?coveredAt=&amp;limit=&amp;after=</c>: one page of the chains the prover's block at
    /// <paramref name="coveredAt"/> covered; without a height, <c>status=active</c>: the chains active now.
    /// </summary>
    public async Task<(IReadOnlyList<Hash32> Chains, Hash32? Next)> ListChainsAsync(ulong? coveredAt, Hash32? after, int limit, CancellationToken cancellationToken)
    {
        string filter = coveredAt is { } height ? string.Create(CultureInfo.InvariantCulture, $"coveredAt={height}") : "status=active";
        string path = string.Create(CultureInfo.InvariantCulture, $"api/chains?{filter}&limit={limit}") + (after is { } cursor ? $"&after={cursor}" : string.Empty);
        using JsonDocument document = await GetJsonAsync(path, cancellationToken)
            ?? throw new ProverGatewayException($"GET {path} answered 404.");
        return Parsing.Guard(path, () =>
        {
            JsonElement root = document.RootElement;
            List<Hash32> chains = [.. root.GetProperty("items").EnumerateArray().Select(item => Hash32.Parse(item.GetProperty("chainId").GetString()))];
            Hash32? next = root.TryGetProperty("next", out JsonElement n) && n.ValueKind == JsonValueKind.String ? Hash32.Parse(n.GetString()) : null;
            return ((IReadOnlyList<Hash32>)chains, next);
        });
    }

    /// <summary><c>GET /api/chains/{chainId}</c>: the chain's published registration, or null when the prover has no such chain.</summary>
    public async Task<ProverChainRegistration?> GetChainAsync(Hash32 chainId, CancellationToken cancellationToken)
    {
        using JsonDocument? document = await GetJsonAsync($"api/chains/{chainId}", cancellationToken);
        return document is null ? null : ProverChainRegistration.Parse(document.RootElement);
    }

    /// <summary><c>GET /api/chains/{chainId}/proofs/compact?height=</c>: the proof's bytes and the height it ends at, or null (404).</summary>
    public async Task<(byte[] Proof, ulong Height)?> GetCompactProofAsync(Hash32 chainId, ulong height, CancellationToken cancellationToken)
    {
        string path = string.Create(CultureInfo.InvariantCulture, $"api/chains/{chainId}/proofs/compact?height={height}");
        using CancellationTokenSource timeout = Timeout(cancellationToken, requestTimeout);
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri(gateway, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        using HttpResponseMessage response = await SendAsync(request, path, timeout.Token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, path, timeout.Token);
        byte[] proof = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        ulong proofHeight = response.Headers.TryGetValues("X-Proof-Height", out IEnumerable<string>? values)
            && ulong.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed) ? parsed : height;
        return (proof, proofHeight);
    }

    /// <summary>
    /// <c>POST /api/challenges/availability</c> with the challenge, timed by the verifier around the
    /// whole exchange (request sent to answer read). Never throws for the prover's failures: no answer
    /// within <paramref name="timeout"/>, an HTTP error or an unparsable body come back as a null answer with the reason.
    /// </summary>
    public async Task<ChallengeExchange> ChallengeAsync(AvailabilityChallenge challenge, ProverPublicKey verifier, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        string body = string.Create(CultureInfo.InvariantCulture,
            $"{{\"chainId\":\"{challenge.ChainId}\",\"chunkIndex\":{challenge.ChunkIndex},\"nonce\":\"{challenge.Nonce}\",\"verifierKey\":\"{verifier}\"}}");
        using CancellationTokenSource deadline = Timeout(cancellationToken, timeout);
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(gateway, "api/challenges/availability"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        long started = Stopwatch.GetTimestamp();
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            byte[] content = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            if (!response.IsSuccessStatusCode)
            {
                return ChallengeExchange.Failed(elapsed, $"the prover answered {(int)response.StatusCode}: {VerifierHttp.Excerpt(Encoding.UTF8.GetString(content))}");
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(content);
                return ChallengeExchange.Answered(elapsed, ParseAnswer(document.RootElement));
            }
            catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                return ChallengeExchange.Failed(elapsed, $"the answer is not a valid availability answer: {error.Message}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChallengeExchange.Failed(Stopwatch.GetElapsedTime(started), $"no answer within {timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
        }
        catch (HttpRequestException error)
        {
            return ChallengeExchange.Failed(Stopwatch.GetElapsedTime(started), $"the request failed: {error.Message}");
        }
    }

    /// <summary>Parses the JSON of an availability answer (docs/api.md): chainId, chunkIndex, chunk (base64), path (hex), binding (hex).</summary>
    internal static AvailabilityAnswer ParseAnswer(JsonElement root)
    {
        Hash32 chainId = Hash32.Parse(root.GetProperty("chainId").GetString());
        ulong index = root.GetProperty("chunkIndex").GetUInt64();
        ImmutableArray<byte> chunk = [.. Convert.FromBase64String(root.GetProperty("chunk").GetString() ?? string.Empty)];
        ImmutableArray<Hash32> path = [.. root.GetProperty("path").EnumerateArray().Select(e => Hash32.Parse(e.GetString()))];
        Hash32 binding = Hash32.Parse(root.GetProperty("binding").GetString());
        return new AvailabilityAnswer(chainId, index, chunk, path, binding);
    }

    private async Task<JsonDocument?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = Timeout(cancellationToken, requestTimeout);
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri(gateway, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await SendAsync(request, path, timeout.Token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, path, timeout.Token);
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
        }
        catch (JsonException error)
        {
            throw new ProverGatewayException($"GET {path} answered malformed JSON: {error.Message}", error);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string path, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProverGatewayException($"{request.Method} {path} did not answer within {requestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", error);
        }
        catch (HttpRequestException error)
        {
            throw new ProverGatewayException($"{request.Method} {path} failed: {error.Message}", error);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ProverGatewayException($"GET {path} answered {(int)response.StatusCode}: {VerifierHttp.Excerpt(body)}");
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken, TimeSpan timeout)
    {
        CancellationTokenSource source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }
}

/// <summary>A prover gateway request that failed (network, timeout, HTTP error, malformed body); the message names the request.</summary>
internal sealed class ProverGatewayException : Exception
{
    public ProverGatewayException(string message)
        : base(message)
    {
    }

    public ProverGatewayException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>One availability exchange as the verifier saw it: the answer (if any usable one came) and the round trip it measured.</summary>
internal sealed record ChallengeExchange(TimeSpan RoundTrip, AvailabilityAnswer? Answer, string? Error)
{
    public static ChallengeExchange Answered(TimeSpan roundTrip, AvailabilityAnswer answer) => new(roundTrip, answer, null);

    public static ChallengeExchange Failed(TimeSpan roundTrip, string error) => new(roundTrip, null, error);
}

/// <summary>Turns parse failures of a prover's JSON into <see cref="ProverGatewayException"/> naming the request.</summary>
internal static class Parsing
{
    public static T Guard<T>(string what, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception error) when (error is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or OverflowException)
        {
            throw new ProverGatewayException($"{what}: the prover's answer is malformed ({error.Message}).", error);
        }
    }
}
