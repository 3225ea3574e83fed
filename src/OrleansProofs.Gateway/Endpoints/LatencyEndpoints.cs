// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>POST /api/latency/probes</c> (verifier → peer verifier): times one data-dependent probe of a prover this
/// node audits itself, on behalf of a configured peer, and answers with the measurement signed by this node's key
/// (docs/protocol.md §12). No bearer token: the request itself is signed, and only configured peers are served.
/// </summary>
internal static class LatencyEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/latency/probes", MeasureAsync)
            .WithName("MeasureLatencyProbe")
            .WithSummary("A peer verifier's signed latency probe { probe: hex } → this node times it against a prover it audits and returns its signed measurement.")
            .Produces<LatencyMeasurementResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> MeasureAsync(HttpRequest request, NodeGrains node)
    {
        (LatencyProbeBody? body, IResult? problem) = await JsonBody.ReadAsync<LatencyProbeBody>(request,
            "Send JSON { \"probe\": hex of a signed 208-byte latency probe request }.");
        if (body is null)
        {
            return problem!;
        }

        byte[] probe;
        try
        {
            probe = Convert.FromHexString(body.Probe ?? string.Empty);
        }
        catch (FormatException)
        {
            return Problems.BadRequest("probe", "must be hexadecimal: a signed latency probe request.");
        }

        PeerProbeAnswer answer = await node.Grains.GetGrain<IVerifierGrain>(0).MeasureForPeerAsync([.. probe]);
        return answer.Status switch
        {
            PeerProbeStatus.Measured => TypedResults.Ok(LatencyMeasurementResponse.From(answer.Measurement)),
            PeerProbeStatus.Malformed => Problems.BadRequest("probe", answer.Reason ?? "malformed"),
            PeerProbeStatus.Unauthorized => Problems.Of(StatusCodes.Status403Forbidden, "probe", answer.Reason ?? "unauthorized"),
            PeerProbeStatus.NotAudited => Problems.NotFound("probe.prover", answer.Reason ?? "not audited"),
            _ => Problems.NotFound("probe.chainId", answer.Reason ?? "not pinned"),
        };
    }
}
