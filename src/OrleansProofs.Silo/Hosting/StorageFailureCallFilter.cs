// SPDX-License-Identifier: MIT

using Npgsql;
using OrleansProofs.Abstractions.Node;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Turns a PostgreSQL failure escaping a grain call into a <see cref="StorageUnavailableException"/>.
/// Npgsql's exception types are outside the namespaces Orleans serializes, so without this the caller (the
/// ingress calling a chain, the gateway calling the ingress) got a CodecNotFoundException and the client
/// a 500 instead of a retryable 503 while the database restarts. The grains restore their in-memory state
/// on a failed write, so the call changed nothing and may simply be retried.
/// </summary>
internal sealed class StorageFailureCallFilter : IIncomingGrainCallFilter
{
    /// <inheritdoc/>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (DatabaseError(error) is { } database)
        {
            throw new StorageUnavailableException($"{database.GetType().Name}: {database.Message}");
        }
    }

    /// <summary>The Npgsql error in <paramref name="error"/>'s inner chain, or null (Orleans' own exceptions, such as an ETag conflict, pass as they are).</summary>
    internal static NpgsqlException? DatabaseError(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException database)
            {
                return database;
            }
        }

        return null;
    }
}
