// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// Every refusal of the chain, proof and verify endpoints is an RFC 7807 problem naming the field:
/// bad hex, unknown chain, unknown format, missing or misplaced nonce, heights outside the window,
/// bad registration input, registration before any block; plus health, network stats and OpenAPI.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ErrorApiTests(ClusterFixture fixture)
{
    private static readonly string UnknownChain = new('a', 64);

    [Fact]
    public async Task RegistrationErrorsNameTheField()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "regerr");
        string file = gateway.WriteFile(20_000, seed: 3);
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Conflict, "network");

        await gateway.PushCanonicalAsync(1);
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { retentionPolicy = "default" }), HttpStatusCode.BadRequest, "path");
        string outside = await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = "../etc/passwd" }), HttpStatusCode.BadRequest, "path");
        Assert.Contains("outside", outside);
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = "missing.bin" }), HttpStatusCode.BadRequest, "path");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file, retentionPolicy = "forever" }), HttpStatusCode.BadRequest, "retentionPolicy");
        object tooMany = new { path = file, metadata = Enumerable.Range(0, 17).ToDictionary(i => $"k{i}", i => "v") };
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", tooMany), HttpStatusCode.BadRequest, "metadata");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", new StringContent("{\"path\": 12", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "path");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", new StringContent(file)), HttpStatusCode.UnsupportedMediaType, "Content-Type");

        JsonElement stats = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/network/stats"), HttpStatusCode.OK);
        Assert.Equal(0UL, stats.GetProperty("totalChains").GetUInt64());
        await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Created);
        stats = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/network/stats"), HttpStatusCode.OK);
        Assert.Equal(1UL, stats.GetProperty("totalChains").GetUInt64());
        Assert.Equal(1UL, stats.GetProperty("pendingChains").GetUInt64());
        Assert.Equal(0UL, stats.GetProperty("activeChains").GetUInt64());
        Assert.Equal(1UL, stats.GetProperty("totalGroups").GetUInt64());
        Assert.Equal(1UL, stats.GetProperty("latestHeight").GetUInt64());
        Assert.Equal(gateway.Network, stats.GetProperty("network").GetString());

        await gateway.PushCanonicalAsync(2);
        stats = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/network/stats"), HttpStatusCode.OK);
        Assert.Equal(1UL, stats.GetProperty("activeChains").GetUInt64());
        Assert.Equal(0UL, stats.GetProperty("pendingChains").GetUInt64());
    }

    [Fact]
    public async Task ChainAndProofErrorsNameTheField()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "prooferr");
        await gateway.PushCanonicalAsync(1);
        string file = gateway.WriteFile(20_000, seed: 4);
        string chainId = gateway.ChainIdOf(file).ToString();
        await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Created);

        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/chains/not-hex"), HttpStatusCode.BadRequest, "chainId");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{UnknownChain}"), HttpStatusCode.NotFound, "chainId");
        JsonElement pending = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.OK);
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/compact"), HttpStatusCode.NotFound, "height");

        await gateway.PushCanonicalAsync(2);
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/tiny"), HttpStatusCode.BadRequest, "format");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{UnknownChain}/proofs/path"), HttpStatusCode.NotFound, "chainId");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId[..10]}/proofs/path"), HttpStatusCode.BadRequest, "chainId");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/ultra-compact"), HttpStatusCode.BadRequest, "nonce");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/ultra-compact?nonce=zz"), HttpStatusCode.BadRequest, "nonce");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/path?nonce=00112233445566778899aabb"), HttpStatusCode.BadRequest, "nonce");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/path?height=x"), HttpStatusCode.BadRequest, "height");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/path?height=99"), HttpStatusCode.NotFound, "height");
        using HttpResponseMessage ok = await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/path?height=2");
        byte[] proof = await ok.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await ProblemAssert.IsProblemAsync(await PostProofAsync(gateway, "/api/proofs/verify", proof), HttpStatusCode.BadRequest, "format");
        await ProblemAssert.IsProblemAsync(await PostProofAsync(gateway, "/api/proofs/verify?format=huge", proof), HttpStatusCode.BadRequest, "format");
        await ProblemAssert.IsProblemAsync(await PostProofAsync(gateway, "/api/proofs/verify?format=path", []), HttpStatusCode.BadRequest, "body");
        await ProblemAssert.IsProblemAsync(await PostProofAsync(gateway, "/api/proofs/verify?format=path&chainId=12", proof), HttpStatusCode.BadRequest, "chainId");
        await ProblemAssert.IsProblemAsync(await PostProofAsync(gateway, "/api/proofs/verify?format=ultra-compact&nonce=00112233445566778899aabb", new byte[136]), HttpStatusCode.BadRequest, "chainId");
        await ProblemAssert.IsProblemAsync(
            await PostProofAsync(gateway, $"/api/proofs/verify?format=ultra-compact&chainId={UnknownChain}&nonce=00112233445566778899aabb", new byte[136]), HttpStatusCode.NotFound, "chainId");

        JsonElement asCompact = await ProblemAssert.IsJsonAsync(await PostProofAsync(gateway, "/api/proofs/verify?format=compact", proof), HttpStatusCode.OK);
        Assert.False(asCompact.GetProperty("valid").GetBoolean());
        Assert.Equal("malformed", asCompact.GetProperty("failure").GetString());
        JsonElement otherChain = await ProblemAssert.IsJsonAsync(await PostProofAsync(gateway, $"/api/proofs/verify?format=path&chainId={UnknownChain}", proof), HttpStatusCode.OK);
        Assert.False(otherChain.GetProperty("valid").GetBoolean());
        Assert.Equal("chainMismatch", otherChain.GetProperty("failure").GetString());
        JsonElement good = await ProblemAssert.IsJsonAsync(await PostProofAsync(gateway, $"/api/proofs/verify?format=path&chainId={chainId}", proof), HttpStatusCode.OK);
        Assert.True(good.GetProperty("valid").GetBoolean(), good.ToString());
    }

    [Fact]
    public async Task HealthAndOpenApiAnswer()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "health");
        // No block yet: the silo and storage answer, but the chain adapter has delivered nothing (StatusApiTests covers the rest).
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.ServiceUnavailable, "adapter");
        await gateway.PushAsync(new { height = 1UL, blockHash = gateway.HashAt(1).ToString(), timestamp = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds() });
        JsonElement health = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("dev", health.GetProperty("profile").GetString());
        Assert.Equal(fixture.Prover.AsHash32().ToString(), health.GetProperty("proverPublicKey").GetString());
        Assert.Equal(1UL, health.GetProperty("latestHeight").GetUInt64());

        JsonElement openApi = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        JsonElement paths = openApi.GetProperty("paths");
        foreach (string path in new[] { "/health", "/api/chains", "/api/chains/{chainId}", "/api/chains/{chainId}/proofs/{format}", "/api/proofs/verify", "/api/blocks", "/api/blocks/latest", "/api/blocks/{height}", "/api/network/stats" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI document lacks {path}");
        }
    }

    private static Task<HttpResponseMessage> PostProofAsync(GatewayHost gateway, string url, byte[] proof)
    {
        ByteArrayContent content = new(proof);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return gateway.Client.PostAsync(url, content);
    }
}
