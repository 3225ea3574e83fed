// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>POST /api/challenges/availability</c> (verifier → prover): answers one availability challenge with the
/// stored replica chunk, its Merkle path to the registered replica root and the binding over the verifier's
/// nonce (docs/protocol.md §9). Open to anyone, like the proofs: answering costs one chunk read.
/// </summary>
internal static class ChallengeEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/challenges/availability", AnswerAsync)
            .WithName("AnswerAvailabilityChallenge")
            .WithSummary("Answers a verifier's availability challenge { chainId, chunkIndex, nonce, verifierKey? } with the stored chunk (base64), its Merkle path and the nonce binding.")
            .Produces<AvailabilityAnswerResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> AnswerAsync(HttpRequest request, NodeGrains node)
    {
        (AvailabilityChallengeBody? body, IResult? problem) = await JsonBody.ReadAsync<AvailabilityChallengeBody>(request,
            "Send JSON { \"chainId\": hex, \"chunkIndex\": number, \"nonce\": hex, \"verifierKey\"?: hex }.");
        if (body is null)
        {
            return problem!;
        }

        if (!Inputs.TryHash(body.ChainId, "chainId", out Hash32 chainId, out problem)
            || !Inputs.TryHash(body.Nonce, "nonce", out Hash32 nonce, out problem))
        {
            return problem;
        }

        if (body.ChunkIndex is not { } index)
        {
            return Problems.BadRequest("chunkIndex", "is required: the challenged chunk's index, a non-negative integer.");
        }

        if (body.VerifierKey is not null && !Inputs.TryHash(body.VerifierKey, "verifierKey", out _, out problem))
        {
            return problem;
        }

        IChainGrain chain = node.Chain(chainId);
        // The header alone: a challenge answer is timed by the verifier, so no proof-window (log) read here.
        ChainInfo info = await chain.GetSummaryAsync();
        if (info.Header is not { } header)
        {
            return Problems.NotFound("chainId", $"no chain {chainId} is registered on this node.");
        }

        if (index >= header.TotalChunks)
        {
            return Problems.BadRequest("chunkIndex", $"must be below the chain's chunk count {header.TotalChunks}; got {index}.");
        }

        ChunkOpeningData opening;
        try
        {
            opening = (await chain.OpenChunksAsync([index]))[0];
        }
        catch (InvalidOperationException error)
        {
            return Problems.Conflict("chainId", Problems.ReasonOf(error));
        }

        AvailabilityAnswer answer = AvailabilityAnswer.Create(new AvailabilityChallenge(chainId, index, nonce), opening.Chunk.AsSpan(), opening.Path);
        return TypedResults.Ok(new AvailabilityAnswerResponse(
            chainId.ToString(),
            index,
            nonce.ToString(),
            Convert.ToBase64String(answer.Chunk.AsSpan()),
            [.. answer.Path.Select(sibling => sibling.ToString())],
            header.ReplicaRoot.ToString(),
            header.TotalChunks,
            answer.Binding.ToString()));
    }
}
