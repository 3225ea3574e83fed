// SPDX-License-Identifier: MIT

using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Tests.Http;

/// <summary>
/// What a failed grain call becomes at the gateway: the cluster or its storage not answering is a
/// retryable 503 problem with Retry-After (field "cluster" or "storage", one line of reason, no stack
/// trace); anything else is a 500 without Retry-After, so a client never retries a bug.
/// </summary>
public sealed class ClusterErrorFilterTests
{
    public static TheoryData<string, string> Transient => new()
    {
        { "silo", "cluster" },
        { "connection", "cluster" },
        { "timeout", "cluster" },
        { "database", "storage" },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task TransientFailuresAreRetryable503Problems(string failure, string field)
    {
        (ProblemHttpResult problem, HttpContext http) = await RunAsync(failure switch
        {
            "silo" => new SiloUnavailableException("Silo S127.0.0.1:11111:1 is unavailable\n   at Orleans.Stack.Trace()"),
            "connection" => new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:30000:1. See InnerException\n ---> SocketConnectionException"),
            "timeout" => new TimeoutException("Response did not arrive on time in 00:00:10"),
            _ => new OrleansException("Grain state could not be read", new TestDbException("Failed to connect to 127.0.0.1:5432")),
        });

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal(field, problem.ProblemDetails.Extensions["field"]);
        Assert.Equal("3", http.Response.Headers.RetryAfter.ToString());
        string reason = Assert.IsType<string>(problem.ProblemDetails.Extensions["reason"]);
        Assert.DoesNotContain('\n', reason);
        Assert.Contains("retry shortly", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherFailuresAre500sWithoutRetryAfter()
    {
        (ProblemHttpResult problem, HttpContext http) = await RunAsync(new InvalidOperationException("a bug"));

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.StatusCode);
        Assert.Equal("server", problem.ProblemDetails.Extensions["field"]);
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
    }

    private static async Task<(ProblemHttpResult Problem, HttpContext Http)> RunAsync(Exception error)
    {
        ClusterErrorFilter filter = new(Options.Create(new GatewayOptions { RetryAfterSeconds = 3 }), NullLogger<ClusterErrorFilter>.Instance);
        DefaultHttpContext http = new();
        object? result = await filter.InvokeAsync(EndpointFilterInvocationContext.Create(http), _ => throw error);
        return (Assert.IsType<ProblemHttpResult>(result), http);
    }

    private sealed class TestDbException(string message) : DbException(message);
}
