// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Audit;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Silo.Blocks;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// <c>POST /api/challenges/availability</c> on a real node over HTTP: the answer verifies against the chain's
/// registered replica root for the asked nonce only; bad fields, unknown chains and out-of-range indices get
/// problems naming the field.
/// </summary>
public sealed class AvailabilityEndpointTests
{
    [Fact]
    public async Task Answer_VerifiesAgainstTheRegisteredRoot_AndBadRequestsNameTheField()
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>(), api: true);
        await node.StartAsync("--block-source", "none");
        IBlockIngressGrain ingress = node.Grains.GetGrain<IBlockIngressGrain>("dev");
        await ingress.OnBlockAsync(new BlockAnnouncement(1, DevBlockSource.HashAt("s", "dev", 1), 1));
        byte[] data = new byte[5 * 4096 + 100];
        new Random(3).NextBytes(data);
        await File.WriteAllBytesAsync(Path.Combine(node.DataDirectory, "f.bin"), data);
        Hash32 chainId = await node.Grains.GetGrain<INodeGrain>(0).ComputeChainIdAsync("f.bin");
        RegisteredChain registered = await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest("f.bin", "dev"));
        using HttpClient http = new() { BaseAddress = node.ApiAddress };
        Hash32 nonce = Sha256.Hash("nonce"u8);

        for (ulong index = 0; index < registered.TotalChunks; index++)
        {
            using HttpResponseMessage response = await http.PostAsJsonAsync("/api/challenges/availability",
                new { chainId = chainId.ToString(), chunkIndex = index, nonce = nonce.ToString(), verifierKey = node.Prover.ToString() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AvailabilityAnswer answer = ProverGatewayClient.ParseAnswer((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()));
            AvailabilityChallenge challenge = new(chainId, index, nonce);
            Assert.True(AvailabilityVerifier.Verify(challenge, answer, registered.ReplicaRoot, registered.TotalChunks).IsValid);
            Assert.Equal(AvailabilityFailure.WrongBinding,
                AvailabilityVerifier.Verify(challenge with { Nonce = Sha256.Hash("other"u8) }, answer, registered.ReplicaRoot, registered.TotalChunks).Failure);
        }

        await AssertProblemAsync(http, new { chainId = "zz", chunkIndex = 0, nonce = nonce.ToString() }, HttpStatusCode.BadRequest, "chainId");
        await AssertProblemAsync(http, new { chainId = chainId.ToString(), chunkIndex = 0 }, HttpStatusCode.BadRequest, "nonce");
        await AssertProblemAsync(http, new { chainId = chainId.ToString(), nonce = nonce.ToString() }, HttpStatusCode.BadRequest, "chunkIndex");
        await AssertProblemAsync(http, new { chainId = chainId.ToString(), chunkIndex = -1, nonce = nonce.ToString() }, HttpStatusCode.BadRequest, "chunkIndex");
        await AssertProblemAsync(http, new { chainId = chainId.ToString(), chunkIndex = registered.TotalChunks, nonce = nonce.ToString() }, HttpStatusCode.BadRequest, "chunkIndex");
        await AssertProblemAsync(http, new { chainId = chainId.ToString(), chunkIndex = 0, nonce = nonce.ToString(), verifierKey = "abc" }, HttpStatusCode.BadRequest, "verifierKey");
        await AssertProblemAsync(http, new { chainId = nonce.ToString(), chunkIndex = 0, nonce = nonce.ToString() }, HttpStatusCode.NotFound, "chainId");
    }

    private static async Task AssertProblemAsync(HttpClient http, object body, HttpStatusCode status, string field)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/challenges/availability", body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal(field, (string?)JsonNode.Parse(text)!["field"]);
    }
}
