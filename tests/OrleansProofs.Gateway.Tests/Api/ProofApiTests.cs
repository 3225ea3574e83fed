// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// A real file registered through <c>POST /api/chains</c> and blocks pushed through <c>POST /api/blocks</c>:
/// the chain info reflects the commits, each of the four proof formats downloads (binary and JSON view),
/// verifies with Core's ProofVerifier against the test's own public blocks, and verifies through
/// <c>POST /api/proofs/verify</c>; a flipped bit and a wrong nonce are rejected by both.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProofApiTests(ClusterFixture fixture)
{
    private const string Nonce = "00112233445566778899aabb";

    [Fact]
    public async Task RegisteredFileProvesInEveryFormatLocallyAndThroughTheApi()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "proofs");
        await gateway.PushCanonicalAsync(500);
        string file = gateway.WriteFile(70_001, seed: 7);
        Hash32 chainId = gateway.ChainIdOf(file);

        using HttpResponseMessage created = await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file, retentionPolicy = "archival", metadata = new { owner = "ops" } });
        JsonElement registration = await ProblemAssert.IsJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal(chainId.ToString(), registration.GetProperty("chainId").GetString());
        Assert.Equal($"/api/chains/{chainId}", created.Headers.Location?.ToString());
        Assert.Equal(500UL, registration.GetProperty("anchorHeight").GetUInt64());
        Assert.Equal(501UL, registration.GetProperty("activationBlock").GetUInt64());
        Assert.Equal(18UL, registration.GetProperty("totalChunks").GetUInt64());
        Assert.Equal("archival", registration.GetProperty("retentionPolicy").GetString());

        using HttpResponseMessage again = await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file });
        JsonElement repeated = await ProblemAssert.IsJsonAsync(again, HttpStatusCode.OK);
        Assert.True(repeated.GetProperty("alreadyRegistered").GetBoolean());
        Assert.Equal("archival", repeated.GetProperty("retentionPolicy").GetString());

        for (ulong height = 501; height <= 504; height++)
        {
            JsonElement pushed = await gateway.PushCanonicalAsync(height);
            Assert.Equal("recorded", pushed.GetProperty("outcome").GetString());
            Assert.Equal(1UL, pushed.GetProperty("block").GetProperty("totalChains").GetUInt64());
        }

        JsonElement chain = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.OK);
        Assert.Equal("active", chain.GetProperty("status").GetString());
        Assert.Equal(4UL, chain.GetProperty("chainLength").GetUInt64());
        Assert.Equal(504UL, chain.GetProperty("headHeight").GetUInt64());
        Assert.Equal(registration.GetProperty("replicaRoot").GetString(), chain.GetProperty("replicaRoot").GetString());
        Assert.Equal("ops", chain.GetProperty("metadata").GetProperty("owner").GetString());
        JsonElement[] commitments = [.. chain.GetProperty("commitments").EnumerateArray()];
        Assert.Equal([501UL, 502, 503, 504], commitments.Select(c => c.GetProperty("height").GetUInt64()));
        Assert.All(commitments, c => Assert.Equal(4, c.GetProperty("accessDigests").GetArrayLength()));
        Assert.Equal(chain.GetProperty("headCommitment").GetString(), commitments[^1].GetProperty("commitment").GetString());

        ChainHeader header = ChainHeader.Create(
            Hash32.Parse(chain.GetProperty("dataHash").GetString()), fixture.Prover, Hash32.Parse(chain.GetProperty("replicaRoot").GetString()),
            70_001, chain.GetProperty("encodingVersion").GetByte(), chain.GetProperty("workFactor").GetUInt32(), 500, gateway.HashAt(500));
        Assert.Equal(chainId, header.ChainId);
        ProofVerificationContext context = new(fixture.Prover, ConsensusParameters.Dev, gateway.PublicBlocks) { RegisteredChain = header, ExpectedChainId = chainId };

        foreach (string format in new[] { "path", "compact", "full" })
        {
            byte[] proof = await DownloadAsync(gateway, $"/api/chains/{chainId}/proofs/{format}", expectedHeight: 504);
            ProofVerificationResult local = ProofVerifier.Verify(ProofFormatNames.Parse(format), proof, context);
            Assert.True(local.IsValid, $"{format}: {local}");
            Assert.Equal(504UL, local.Height);
            await AssertApiVerdictAsync(gateway, format, proof, valid: true, chainId, 504);

            byte[] tampered = [.. proof];
            tampered[^1] ^= 0x01;
            Assert.False(ProofVerifier.Verify(ProofFormatNames.Parse(format), tampered, context).IsValid, $"{format} with a flipped bit");
            await AssertApiVerdictAsync(gateway, format, tampered, valid: false, chainId, 504);

            JsonElement view = await JsonViewAsync(gateway, $"/api/chains/{chainId}/proofs/{format}");
            Assert.Equal(proof, Convert.FromBase64String(view.GetProperty("proof").GetString()!));
            Assert.Equal(proof.Length, view.GetProperty("size").GetInt32());
        }

        byte[] older = await DownloadAsync(gateway, $"/api/chains/{chainId}/proofs/compact?height=502", expectedHeight: 502);
        Assert.True(ProofVerifier.Verify(ProofFormat.Compact, older, context).IsValid);
        await AssertApiVerdictAsync(gateway, "compact", older, valid: true, chainId, 502);

        byte[] claim = await DownloadAsync(gateway, $"/api/chains/{chainId}/proofs/ultra-compact?nonce={Nonce}", expectedHeight: 504);
        Assert.Equal(UltraCompactClaim.EncodedSize, claim.Length);
        PathProof pathProof = PathProof.Decode(await DownloadAsync(gateway, $"/api/chains/{chainId}/proofs/path?height=504", expectedHeight: 504));
        ProofVerificationResult claimResult = ProofVerifier.VerifyUltraCompact(UltraCompactClaim.Decode(claim), pathProof, AuditorNonce.Parse(Nonce), context);
        Assert.True(claimResult.IsValid, claimResult.ToString());
        await AssertApiVerdictAsync(gateway, $"ultra-compact&chainId={chainId}&nonce={Nonce}", claim, valid: true, chainId, 504);
        JsonElement wrongNonce = await VerifyAsync(gateway, $"ultra-compact&chainId={chainId}&nonce=ffffffffffffffffffffffff", claim);
        Assert.False(wrongNonce.GetProperty("valid").GetBoolean());
        Assert.Equal("claimMismatch", wrongNonce.GetProperty("failure").GetString());
        Assert.Contains("nonce", wrongNonce.GetProperty("reason").GetString());
        JsonElement claimView = await JsonViewAsync(gateway, $"/api/chains/{chainId}/proofs/ultra-compact?nonce={Nonce}");
        Assert.Equal(Nonce, claimView.GetProperty("decoded").GetProperty("nonce").GetString());
        Assert.Equal(4UL, claimView.GetProperty("decoded").GetProperty("chainLength").GetUInt64());
    }

    private static async Task<byte[]> DownloadAsync(GatewayHost gateway, string url, ulong expectedHeight)
    {
        using HttpResponseMessage response = await gateway.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedHeight.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Proof-Height").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<JsonElement> JsonViewAsync(GatewayHost gateway, string url)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await gateway.Client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await ProblemAssert.IsJsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> VerifyAsync(GatewayHost gateway, string formatQuery, byte[] proof)
    {
        using ByteArrayContent content = new(proof);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage response = await gateway.Client.PostAsync($"/api/proofs/verify?format={formatQuery}", content);
        return await ProblemAssert.IsJsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task AssertApiVerdictAsync(GatewayHost gateway, string formatQuery, byte[] proof, bool valid, Hash32 chainId, ulong height)
    {
        JsonElement verdict = await VerifyAsync(gateway, formatQuery, proof);
        Assert.True(valid == verdict.GetProperty("valid").GetBoolean(), $"{formatQuery}: {verdict}");
        if (valid)
        {
            Assert.Equal(JsonValueKind.Null, verdict.GetProperty("reason").ValueKind);
            Assert.Equal(chainId.ToString(), verdict.GetProperty("chainId").GetString());
            Assert.Equal(height, verdict.GetProperty("height").GetUInt64());
            Assert.True(verdict.GetProperty("registeredChainChecked").GetBoolean());
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(verdict.GetProperty("reason").GetString()));
            Assert.False(string.IsNullOrEmpty(verdict.GetProperty("failure").GetString()));
        }
    }
}
