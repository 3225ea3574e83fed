// SPDX-License-Identifier: MIT

using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Http;

/// <summary>
/// Turns failures no handler expected into problem documents. Transient ones are a retryable 503 with
/// <c>Retry-After</c>: the cluster unreachable or a silo gone or restarting (field "cluster"), or the
/// database behind the grains failing (field "storage"). Anything else is a 500 (field "server", the
/// error's type and message). A request that failed this way answered nothing, so a client retries it;
/// writes are idempotent (block pushes per height, registrations per file), so a retry never doubles one.
/// </summary>
internal sealed partial class ClusterErrorFilter(IOptions<GatewayOptions> options, ILogger<ClusterErrorFilter> logger) : IEndpointFilter
{
    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception error) when (IsClusterUnavailable(error))
        {
            LogClusterUnavailable(logger, context.HttpContext.Request.Path, error);
            return Retryable(context.HttpContext, "cluster", $"the Orleans cluster did not answer (a silo may be restarting); retry shortly: {error.GetType().Name}: {FirstLine(error.Message)}");
        }
        catch (Exception error) when (StorageFailure(error) is { } storage)
        {
            LogStorageUnavailable(logger, context.HttpContext.Request.Path, error);
            return Retryable(context.HttpContext, "storage", $"the cluster's storage did not answer; retry shortly: {storage.GetType().Name}: {FirstLine(storage.Message)}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogUnexpected(logger, context.HttpContext.Request.Path, error);
            return Problems.Of(StatusCodes.Status500InternalServerError, "server", $"{error.GetType().Name}: {Problems.ReasonOf(error)}");
        }
    }

    /// <summary>Errors of the Orleans messaging layer: no gateway, a dead or unknown silo, a rejected or timed-out message.</summary>
    internal static bool IsClusterUnavailable(Exception error) =>
        error is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or Orleans.Runtime.Messaging.ConnectionFailedException or SocketException;

    /// <summary>The database error (or a network error on its connection) anywhere in <paramref name="error"/>'s inner chain, or null.</summary>
    internal static Exception? StorageFailure(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is DbException or SocketException or StorageUnavailableException)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The first line of an error message: Orleans' messaging errors append inner exceptions and stack traces, which a client has no use for (the log has them).</summary>
    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private IResult Retryable(HttpContext http, string field, string reason)
    {
        http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status503ServiceUnavailable, field, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path}: the Orleans cluster did not answer")]
    private static partial void LogClusterUnavailable(ILogger logger, PathString path, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path}: the cluster's storage did not answer")]
    private static partial void LogStorageUnavailable(ILogger logger, PathString path, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, PathString path, Exception error);
}
