// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Http;

/// <summary>
/// Turns failures no handler expected into problem documents: the cluster being unreachable
/// (503, field "cluster") and anything else (500, field "server", the error's type and message).
/// </summary>
internal sealed partial class ClusterErrorFilter(ILogger<ClusterErrorFilter> logger) : IEndpointFilter
{
    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception error) when (error is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or Orleans.Runtime.Messaging.ConnectionFailedException)
        {
            LogClusterUnavailable(logger, context.HttpContext.Request.Path, error);
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "cluster", $"the Orleans cluster did not answer: {error.Message}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogUnexpected(logger, context.HttpContext.Request.Path, error);
            return Problems.Of(StatusCodes.Status500InternalServerError, "server", $"{error.GetType().Name}: {Problems.ReasonOf(error)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path}: the Orleans cluster did not answer")]
    private static partial void LogClusterUnavailable(ILogger logger, PathString path, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, PathString path, Exception error);
}
