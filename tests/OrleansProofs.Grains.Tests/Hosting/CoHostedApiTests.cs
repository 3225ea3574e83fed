// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The embedded host serves the HTTP API in the same process as the silo: over real HTTP on a free
/// port it reports health for the dev network, shows blocks covering its demo chains, serves a
/// demo chain and its compact proof, which Core's <see cref="ProofVerifier"/> accepts against the
/// blocks the API publishes (each checked against the dev chain's formula); the adapter token is the
/// one generated into the data folder. <c>--gateway false</c> runs the silo without a listener.
/// </summary>
public sealed class CoHostedApiTests
{
    private const string Seed = "cohost-seed";

    [Fact]
    public async Task OneProcessServesTheApiOverItsOwnSilo()
    {
        await using EmbeddedNode node = new(Settings(), api: true);
        await node.StartAsync("--demo-files", "2");
        using HttpClient client = new() { BaseAddress = node.ApiAddress, Timeout = TimeSpan.FromSeconds(30) };

        JsonElement latest = await WaitForLatestAsync(client, block => block.GetProperty("totalChains").GetUInt64() == 2);
        Assert.True(latest.GetProperty("height").GetUInt64() >= 2);

        // Ready once blocks arrive: the dev chain's blocks are timestamped now, so the adapter is fresh.
        JsonElement health = await GetJsonAsync(client, "/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("fresh", health.GetProperty("adapter").GetString());
        Assert.Equal("dev", health.GetProperty("network").GetString());
        Assert.Equal(node.Prover.ToString(), health.GetProperty("proverPublicKey").GetString());

        Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(node.DataDirectory, DemoFileRegistrar.DataPathOf(1))), node.Prover);
        JsonElement chain = await GetJsonAsync(client, $"/api/chains/{chainId}");
        Assert.Equal("active", chain.GetProperty("status").GetString());
        ulong anchor = chain.GetProperty("anchorHeight").GetUInt64();
        ChainHeader header = ChainHeader.Create(
            Hash32.Parse(chain.GetProperty("dataHash").GetString()), node.Prover, Hash32.Parse(chain.GetProperty("replicaRoot").GetString()),
            chain.GetProperty("fileLength").GetUInt64(), chain.GetProperty("encodingVersion").GetByte(), chain.GetProperty("workFactor").GetUInt32(),
            anchor, DevBlockSource.HashAt(Seed, "dev", anchor));
        Assert.Equal(chainId, header.ChainId);

        using HttpResponseMessage proofResponse = await client.GetAsync($"/api/chains/{chainId}/proofs/compact");
        Assert.Equal(HttpStatusCode.OK, proofResponse.StatusCode);
        Assert.Equal("application/octet-stream", proofResponse.Content.Headers.ContentType?.MediaType);
        ulong proofHeight = ulong.Parse(proofResponse.Headers.GetValues("X-Proof-Height").Single(), System.Globalization.CultureInfo.InvariantCulture);
        byte[] proof = await proofResponse.Content.ReadAsByteArrayAsync();

        PublicBlockTable blocks = new();
        for (ulong height = 1; height <= proofHeight; height++)
        {
            JsonElement block = await GetJsonAsync(client, $"/api/blocks/{height}");
            Hash32 blockHash = Hash32.Parse(block.GetProperty("blockHash").GetString());
            Assert.Equal(DevBlockSource.HashAt(Seed, "dev", height), blockHash);
            blocks.Add(new PublicBlock(height, blockHash, null, block.GetProperty("timestamp").GetUInt64()));
        }

        ProofVerificationContext context = new(node.Prover, ConsensusParameters.Dev, blocks) { RegisteredChain = header, ExpectedChainId = chainId };
        ProofVerificationResult result = ProofVerifier.Verify(ProofFormat.Compact, proof, context);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(proofHeight, result.Height);
        byte[] tampered = [.. proof];
        tampered[^1] ^= 1;
        Assert.False(ProofVerifier.Verify(ProofFormat.Compact, tampered, context).IsValid);

        // The adapter token was generated into the data folder: it, and only it, opens POST /api/blocks.
        string token = File.ReadAllText(Path.Combine(node.DataDirectory, BearerKeyFile.AdapterTokenFileName)).Trim();
        Assert.Equal(64, token.Length);
        object again = new { height = 1UL, blockHash = DevBlockSource.HashAt(Seed, "dev", 1).ToString(), timestamp = blocks.Get(1)!.Timestamp };
        Assert.Equal(HttpStatusCode.Unauthorized, (await PushAsync(client, again, "not-the-token")).StatusCode);
        using HttpResponseMessage duplicate = await PushAsync(client, again, token);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Equal("duplicate", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        // A multipart upload through Kestrel lands in the node's data folder and registers there, with the generated operator key.
        byte[] upload = new byte[12_345];
        new Random(5).NextBytes(upload);
        using MultipartFormDataContent form = new() { { new ByteArrayContent(upload), "file", "upload.bin" } };
        using HttpRequestMessage register = new(HttpMethod.Post, "/api/chains") { Content = form };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(node.DataDirectory, BearerKeyFile.OperatorKeyFileName)).Trim());
        using HttpResponseMessage registered = await client.SendAsync(register);
        string registration = await registered.Content.ReadAsStringAsync();
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"{(int)registered.StatusCode} {registration}");
        Assert.Equal(ChainId.Compute(DataHash.Compute(upload), node.Prover).ToString(), JsonDocument.Parse(registration).RootElement.GetProperty("chainId").GetString());
        Assert.Single(Directory.GetFiles(Path.Combine(node.DataDirectory, "uploads")));

        await node.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/health"));
    }

    [Fact]
    public async Task GatewayFalseRunsTheSiloWithoutListening()
    {
        await using EmbeddedNode node = new(Settings(), api: true);
        await node.StartAsync("--gateway", "false", "--block-source", "none");

        Assert.Null(await node.Grains.GetGrain<IBlockIngressGrain>("dev").GetLatestAsync());
        using HttpClient client = new() { BaseAddress = node.ApiAddress };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/health"));
        Assert.False(File.Exists(Path.Combine(node.DataDirectory, BearerKeyFile.AdapterTokenFileName)));
        Assert.False(File.Exists(Path.Combine(node.DataDirectory, BearerKeyFile.OperatorKeyFileName)));
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        [NodeHost.ChainSection + ":Seed"] = Seed,
        [NodeHost.ChainSection + ":BlockInterval"] = "00:00:00.200",
        [NodeHost.ChainSection + ":DemoFileSize"] = "20000",
    };

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> WaitForLatestAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using HttpResponseMessage response = await client.GetAsync("/api/blocks/latest");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                JsonElement block = (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
                if (done(block))
                {
                    return block;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No block as expected within a minute (last: {(int)response.StatusCode}).");
            await Task.Delay(100);
        }
    }

    private static Task<HttpResponseMessage> PushAsync(HttpClient client, object body, string token)
    {
        HttpRequestMessage request = new(HttpMethod.Post, "/api/blocks") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
