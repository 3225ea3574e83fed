// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway hosted on ASP.NET's TestServer over the fixture's cluster client (as a separate
/// gateway process would host it), serving its own network with a deterministic layer-1 chain
/// (block hash at h = SHA-256 of "network/h"). Keeps the public blocks a verifier would hold.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    /// <summary>The adapter token this gateway accepts.</summary>
    public const string Token = "test-adapter-token";

    /// <summary>The operator API key this gateway accepts.</summary>
    public const string ApiKey = "test-operator-api-key";

    private readonly WebApplication _app;
    private readonly ClusterFixture _fixture;

    private GatewayHost(ClusterFixture fixture, WebApplication app, string network)
    {
        _fixture = fixture;
        _app = app;
        Network = network;
        Client = app.GetTestClient();
        Operator = app.GetTestClient();
        Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    /// <summary>The network served.</summary>
    public string Network { get; }

    /// <summary>An HTTP client of the gateway (no token).</summary>
    public HttpClient Client { get; }

    /// <summary>An HTTP client of the gateway sending the operator API key.</summary>
    public HttpClient Operator { get; }

    /// <summary>The node's data folder (the gateway's too: uploads land in its uploads folder).</summary>
    public string DataDirectory => _fixture.DataDirectory;

    /// <summary>Public blocks pushed so far, as ProofVerifier takes them.</summary>
    public PublicBlockTable PublicBlocks { get; } = new();

    /// <summary>
    /// Starts a gateway on a fresh network; <paramref name="configure"/> may change its options after the
    /// test defaults, <paramref name="services"/> may replace services (a test clock).
    /// </summary>
    public static async Task<GatewayHost> StartAsync(ClusterFixture fixture, string prefix, Action<GatewayOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        string network = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IGrainFactory>(fixture.Cluster.Client);
        builder.Services.AddOrleansProofsGateway(options =>
        {
            options.Network = network;
            options.AdapterToken = Token;
            options.ApiKey = ApiKey;
            options.DataDirectory = fixture.DataDirectory;
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        app.MapOrleansProofsApi();
        await app.StartAsync();
        return new GatewayHost(fixture, app, network);
    }

    /// <summary>The canonical block hash at <paramref name="height"/>.</summary>
    public Hash32 HashAt(ulong height) => Sha256.Hash(System.Text.Encoding.UTF8.GetBytes($"{Network}/{height}"));

    /// <summary>The canonical timestamp at <paramref name="height"/>.</summary>
    public static ulong TimestampAt(ulong height) => 1_700_000_000 + 16 * height;

    /// <summary>POSTs a block body with the adapter token (or <paramref name="token"/>; null sends none).</summary>
    public Task<HttpResponseMessage> PushAsync(object body, string? token = Token)
    {
        HttpRequestMessage request = new(HttpMethod.Post, "/api/blocks") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Pushes the canonical block at <paramref name="height"/>, asserts it was recorded, remembers its public data.</summary>
    public async Task<JsonElement> PushCanonicalAsync(ulong height)
    {
        using HttpResponseMessage response = await PushAsync(new { height, blockHash = HashAt(height).ToString(), timestamp = TimestampAt(height) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        PublicBlocks.Add(new PublicBlock(height, HashAt(height), null, TimestampAt(height)));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Writes a file of seeded random bytes (starting with the network name) into the data folder; returns its name.</summary>
    public string WriteFile(int length, int seed)
    {
        string name = $"{Network}-{seed}.bin";
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        System.Text.Encoding.UTF8.GetBytes(Network).CopyTo(bytes, 0);
        File.WriteAllBytes(Path.Combine(_fixture.DataDirectory, name), bytes);
        return name;
    }

    /// <summary>The chain id the node's key gives the file <paramref name="name"/>, computed independently of the gateway.</summary>
    public Hash32 ChainIdOf(string name) => ChainId.Compute(DataHash.Compute(Path.Combine(_fixture.DataDirectory, name)), _fixture.Prover);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Operator.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
