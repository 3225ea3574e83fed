// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RepositoryRoot = OrleansProofs.Core.Tests.Docs.RepositoryRoot;
using OrleansProofs.Testing;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// A cluster of real processes on one machine, as infra/scripts/dev-cluster.sh runs it: silos in cluster
/// mode on a fresh PostgreSQL schema and a separate gateway process (<c>--role gateway</c>), sharing one
/// temporary data volume; no block source, so the test is the blockchain adapter and pushes each block
/// through the gateway with the adapter token. Dispose kills every process and drops the schema and folder.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>The network every process serves.</summary>
    public const string Network = "failover";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);

    private readonly ClusterDatabase _database;
    private readonly string _logs;
    private readonly List<NodeProcess> _processes = [];
    private readonly Dictionary<ulong, long> _timestamps = [];

    private LocalCluster(ClusterDatabase database, string testName)
    {
        _database = database;
        ClusterId = "it-" + database.Schema[3..15];
        Root = Path.Combine(Path.GetTempPath(), "posc-cluster-" + Guid.NewGuid().ToString("N"));
        DataDirectory = Path.Combine(Root, "data");
        Directory.CreateDirectory(DataDirectory);
        _logs = Path.Combine(RepositoryRoot.Path, "TestResults", "cluster-logs", testName);
        if (Directory.Exists(_logs))
        {
            Directory.Delete(_logs, recursive: true);
        }

        GatewayUri = new Uri($"http://127.0.0.1:{LoopbackPorts.Reserve().ToString(CultureInfo.InvariantCulture)}/");
        Http = new HttpClient { BaseAddress = GatewayUri, Timeout = TimeSpan.FromSeconds(40) };
    }

    /// <summary>The cluster (and service) id.</summary>
    public string ClusterId { get; }

    /// <summary>The temporary folder holding the data volume.</summary>
    public string Root { get; }

    /// <summary>The shared data volume.</summary>
    public string DataDirectory { get; }

    /// <summary>The gateway process's HTTP address.</summary>
    public Uri GatewayUri { get; }

    /// <summary>A client of the gateway.</summary>
    public HttpClient Http { get; }

    /// <summary>The database the cluster runs on.</summary>
    public ClusterDatabase Database => _database;

    /// <summary>Creates the schema and the data folder; starts nothing yet.</summary>
    public static async Task<LocalCluster> CreateAsync(string testName) => new(await ClusterDatabase.CreateAsync(), testName);

    /// <summary>Creates the schema on <paramref name="server"/> instead of the shared test server, and the data folder.</summary>
    public static async Task<LocalCluster> CreateAsync(string testName, string server) => new(await ClusterDatabase.CreateAsync(server), testName);

    /// <summary>Starts a silo on new free ports (or the given ones, for a restart) and waits until it is active.</summary>
    public async Task<SiloProcess> StartSiloAsync(string name, int? siloPort = null, int? gatewayPort = null)
    {
        int silo = siloPort ?? LoopbackPorts.Reserve();
        int gateway = gatewayPort ?? LoopbackPorts.Reserve();
        NodeProcess process = Track(NodeProcess.Start(name, _logs, Root, Environment(),
            "--storage-mode", "cluster", "--cluster-id", ClusterId, "--service-id", ClusterId,
            "--silo-port", silo.ToString(CultureInfo.InvariantCulture), "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture),
            "--data", DataDirectory, "--network", Network, "--block-source", "none", "--gateway", "false"));
        await process.WaitStartedAsync(s_startTimeout);
        return new SiloProcess(process, silo, gateway);
    }

    /// <summary>Starts the separate gateway process and waits until it reached the cluster and listens.</summary>
    public async Task<NodeProcess> StartGatewayAsync()
    {
        NodeProcess process = Track(NodeProcess.Start("gateway", _logs, Root, Environment(),
            "--role", "gateway", "--cluster-id", ClusterId, "--service-id", ClusterId, "--data", DataDirectory,
            "--network", Network, "--urls", GatewayUri.ToString().TrimEnd('/')));
        await process.WaitStartedAsync(s_startTimeout);
        return process;
    }

    /// <summary>Writes a file of <paramref name="size"/> random bytes (seeded) to the data volume; returns its relative path.</summary>
    public string WriteFile(string name, int size, int seed)
    {
        byte[] bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        string relative = Path.Combine("files", name);
        Directory.CreateDirectory(Path.Combine(DataDirectory, "files"));
        File.WriteAllBytes(Path.Combine(DataDirectory, relative), bytes);
        return relative;
    }

    /// <summary>Registers the file at <paramref name="path"/> (relative to the volume) through the gateway; returns its chain id.</summary>
    public async Task<string> RegisterAsync(string path, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, "/api/chains") { Content = JsonContent.Create(new { path }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadKey("operator.key"));
        using HttpResponseMessage response = await Http.SendAsync(request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("chainId").GetString()!;
    }

    /// <summary>
    /// Pushes block <paramref name="height"/> (a hash derived from the height; the timestamp of its first
    /// push) through the gateway, as an adapter would: a 503 (or a refused connection) is retried after its
    /// Retry-After until <paramref name="cancellationToken"/> ends; a 201 or a duplicate's 200 ends it. Any
    /// other answer fails the test. Returns the block record and the retryable failures seen on the way.
    /// </summary>
    public async Task<PushResult> PushBlockAsync(ulong height, CancellationToken cancellationToken)
    {
        List<string> retried = [];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using HttpRequestMessage request = BlockRequest(height);
            HttpResponseMessage response;
            try
            {
                response = await Http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException error)
            {
                retried.Add("connection: " + error.Message);
                await Task.Delay(500, cancellationToken);
                continue;
            }

            using (response)
            {
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    JsonElement root = JsonDocument.Parse(body).RootElement;
                    return new PushResult(root.GetProperty("outcome").GetString()!, root.GetProperty("block").Clone(), retried);
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Block {height}: {(int)response.StatusCode} {body}");
                AssertRetryable(response, body);
                retried.Add(body);
                await Task.Delay(TimeSpan.FromSeconds(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds / 4), cancellationToken);
            }
        }
    }

    /// <summary>
    /// One <c>POST /api/blocks</c> of block <paramref name="height"/> with the adapter token: the block hash
    /// derived from the height and the timestamp of its first push, so every push of a height is the same block.
    /// </summary>
    public HttpRequestMessage BlockRequest(ulong height)
    {
        if (!_timestamps.TryGetValue(height, out long timestamp))
        {
            timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            _timestamps[height] = timestamp;
        }

        HttpRequestMessage request = new(HttpMethod.Post, "/api/blocks")
        {
            Content = JsonContent.Create(new { height, blockHash = BlockHash(height), timestamp }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadKey("adapter.token"));
        return request;
    }

    /// <summary>GET <paramref name="path"/> as JSON text, asserting 200.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await Http.GetAsync(path, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Fetches the compact proof of <paramref name="chainId"/> at <paramref name="height"/> and has the gateway verify it; returns the verdict.</summary>
    public async Task<JsonElement> ProveAndVerifyAsync(string chainId, ulong height, CancellationToken cancellationToken)
    {
        using HttpResponseMessage proof = await Http.GetAsync($"/api/chains/{chainId}/proofs/compact?height={height}", cancellationToken);
        byte[] bytes = await proof.Content.ReadAsByteArrayAsync(cancellationToken);
        Assert.True(proof.StatusCode == HttpStatusCode.OK, $"compact proof of {chainId} at {height}: {(int)proof.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        ByteArrayContent content = new(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage verdict = await Http.PostAsync($"/api/proofs/verify?format=compact&chainId={chainId}", content, cancellationToken);
        string body = await verdict.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(verdict.StatusCode == HttpStatusCode.OK, $"verify {chainId} at {height}: {(int)verdict.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A 503 from the gateway must be a problem document naming "cluster" or "storage", with a Retry-After of whole seconds.</summary>
    public static void AssertRetryable(HttpResponseMessage response, string body)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"503 without Retry-After: {body}");
        string? field = JsonDocument.Parse(body).RootElement.GetProperty("field").GetString();
        Assert.True(field is "cluster" or "storage", $"503 names field '{field}': {body}");
    }

    /// <summary>The layer-1 block hash the test's chain has at <paramref name="height"/>.</summary>
    public static string BlockHash(ulong height) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("failover-block-" + height.ToString(CultureInfo.InvariantCulture))));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (NodeProcess process in _processes)
        {
            await process.DisposeAsync();
        }

        try
        {
            await _database.DisposeAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private NodeProcess Track(NodeProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private Dictionary<string, string> Environment() => new()
    {
        // The connection string travels in the environment, as operations.md recommends, not on the command line.
        ["OrleansProofs__Cluster__ConnectionString"] = _database.ConnectionString,
        ["DOTNET_NOLOGO"] = "1",
    };

    private string ReadKey(string fileName) => File.ReadAllText(Path.Combine(DataDirectory, fileName)).Trim();
}

/// <summary>A silo process and its ports (a restart reuses them).</summary>
/// <param name="Process">The process.</param>
/// <param name="SiloPort">Its silo-to-silo port.</param>
/// <param name="GatewayPort">Its client gateway port.</param>
public sealed record SiloProcess(NodeProcess Process, int SiloPort, int GatewayPort);

/// <summary>What a block push ended with.</summary>
/// <param name="Outcome">"recorded" or "duplicate".</param>
/// <param name="Block">The block record as the gateway returned it.</param>
/// <param name="Retried">The retryable failures (503 bodies, refused connections) before it succeeded.</param>
public sealed record PushResult(string Outcome, JsonElement Block, IReadOnlyList<string> Retried);
