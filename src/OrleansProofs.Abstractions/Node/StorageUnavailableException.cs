// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Node;

/// <summary>
/// A grain call failed because the database behind grain storage or the commitment log did not answer
/// (down, restarting, connection cut). Nothing the call was to write was made durable, so the caller may
/// retry it; the gateway answers it as a retryable 503 naming "storage". The silo raises it in place of
/// database driver exceptions that Orleans cannot carry between processes (their types are outside its
/// serializable namespaces); the message keeps the driver error's type and text.
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StorageUnavailableException()
        : base("The cluster's storage did not answer.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the error it stands for (not carried to other processes).</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
