// SPDX-License-Identifier: MIT

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// Imports a fully verified v1 chain (<c>.hashchain</c> + <c>.data</c>) into the current format under
/// this node's key: a new replica of the original bytes, its leaf sidecar, and a <c>chain.json</c> with
/// the new chain's registration, anchored at the v1 chain's last verified block (the v1 history is
/// summarised there, not replayed). Steps:
/// <list type="number">
/// <item>re-verify everything with <see cref="LegacyChainVerifier"/>; any failure refuses the import;</item>
/// <item>refuse data below the profile's minimum file size and an all-zero anchor block hash;</item>
/// <item>stream the first <c>original_length</c> bytes of the zero-padded <c>.data</c> once, computing
/// SHA-256 (must still equal the verified v1 <c>data_file_hash</c>) and the current data hash;</item>
/// <item>stream them again into <see cref="ReplicaEncoder"/> under this node's key (which re-checks the data hash);</item>
/// <item>write <c>chain.json</c>, then rename the three files into place, <c>chain.json</c> last.</item>
/// </list>
/// Everything is written under temporary names first; on refusal, error or cancellation nothing is
/// left in the output folder (and a folder the import created is removed again).
/// </summary>
public static class LegacyImporter
{
    /// <summary>Name of the registration file in the output folder.</summary>
    public const string RegistrationFileName = "chain.json";

    /// <summary>Name of the replica file in the output folder.</summary>
    public const string ReplicaFileName = "chain.replica";

    /// <summary>Name of the leaf sidecar in the output folder (<see cref="ReplicaLeafFile.PathFor"/> of the replica).</summary>
    public const string LeafFileName = ReplicaFileName + ".leaves";

    private const int BufferSize = 256 * 1024;

    /// <summary>
    /// Verifies the v1 chain in <paramref name="hashChainPath"/> against <paramref name="dataPath"/> and,
    /// when every check passes, imports it into <paramref name="outputFolder"/> (created if missing) under
    /// <paramref name="nodeKey"/>, with the encoding version and work factor of <paramref name="parameters"/>.
    /// </summary>
    /// <returns>The imported chain, or the refusal with the verification report.</returns>
    /// <exception cref="ArgumentException">
    /// A path is empty, the parameters are invalid (parameter named by <see cref="ConsensusParameters.EnsureValid"/>),
    /// or their encoding version is not the one this build writes (parameter <c>parameters</c>).
    /// </exception>
    /// <exception cref="IOException">
    /// An input cannot be read, <paramref name="outputFolder"/> is a file, or it already holds an imported
    /// chain (<c>chain.json</c>, <c>chain.replica</c> or <c>chain.replica.leaves</c>).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is left behind.</exception>
    public static Task<LegacyImportResult> ImportAsync(
        string hashChainPath,
        string dataPath,
        NodeKey nodeKey,
        string outputFolder,
        ConsensusParameters parameters,
        CancellationToken cancellationToken = default) =>
        ImportCoreAsync(hashChainPath, dataPath, nodeKey, outputFolder, parameters, useAsync: true, null, cancellationToken);

    /// <summary>Test seam: <paramref name="afterVerification"/> runs once the chain verified, before the data is read again.</summary>
    internal static Task<LegacyImportResult> ImportAsync(
        string hashChainPath,
        string dataPath,
        NodeKey nodeKey,
        string outputFolder,
        ConsensusParameters parameters,
        Action<LegacyImportBasis> afterVerification,
        CancellationToken cancellationToken) =>
        ImportCoreAsync(hashChainPath, dataPath, nodeKey, outputFolder, parameters, useAsync: true, afterVerification, cancellationToken);

    /// <summary>As <see cref="ImportAsync(string, string, NodeKey, string, ConsensusParameters, CancellationToken)"/>, with synchronous I/O on the calling thread.</summary>
    /// <exception cref="ArgumentException">As the asynchronous form.</exception>
    /// <exception cref="IOException">As the asynchronous form.</exception>
    public static LegacyImportResult Import(string hashChainPath, string dataPath, NodeKey nodeKey, string outputFolder, ConsensusParameters parameters)
    {
        Task<LegacyImportResult> task = ImportCoreAsync(hashChainPath, dataPath, nodeKey, outputFolder, parameters, useAsync: false, null, CancellationToken.None);
        System.Diagnostics.Debug.Assert(task.IsCompleted, "the synchronous path never awaits anything incomplete");
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Throws an <see cref="IOException"/> when <paramref name="outputFolder"/> is a file or already holds
    /// an imported chain; the import checks this before verifying (and again, without overwriting, when it renames).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="outputFolder"/> is empty.</exception>
    /// <exception cref="IOException">The folder is a file or holds an imported chain.</exception>
    public static void EnsureOutputFolderIsFree(string outputFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        string folder = Path.GetFullPath(outputFolder);
        if (File.Exists(folder))
        {
            throw new IOException($"Output folder '{folder}' is a file; give a folder (it is created if missing).");
        }

        foreach (string name in (ReadOnlySpan<string>)[RegistrationFileName, ReplicaFileName, LeafFileName])
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                throw new IOException(
                    $"Output folder '{folder}' already holds an imported chain ({name} exists); an import never overwrites one. Choose another folder, or remove {RegistrationFileName}, {ReplicaFileName} and {LeafFileName} first.");
            }
        }
    }

    private static async Task<LegacyImportResult> ImportCoreAsync(
        string hashChainPath,
        string dataPath,
        NodeKey nodeKey,
        string outputFolder,
        ConsensusParameters parameters,
        bool useAsync,
        Action<LegacyImportBasis>? afterVerification,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashChainPath);
        ArgumentException.ThrowIfNullOrEmpty(dataPath);
        ArgumentNullException.ThrowIfNull(nodeKey);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.EnsureValid();
        if (parameters.ReplicaEncodingVersion != ReplicaCodec.EncodingVersion)
        {
            throw Error.Invalid(
                nameof(parameters),
                $"ReplicaEncodingVersion is {parameters.ReplicaEncodingVersion}, but this build writes replica encoding version {ReplicaCodec.EncodingVersion} only.");
        }

        EnsureOutputFolderIsFree(outputFolder);
        string folder = Path.GetFullPath(outputFolder);
        cancellationToken.ThrowIfCancellationRequested();

        LegacyVerificationReport report = useAsync
            ? await Task.Run(() => LegacyChainVerifier.Verify(hashChainPath, dataPath), cancellationToken).ConfigureAwait(false)
            : LegacyChainVerifier.Verify(hashChainPath, dataPath);
        if (!report.IsValid)
        {
            return LegacyImportResult.Refused(
                report,
                LegacyImportRefusalReason.VerificationFailed,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The v1 chain does not verify ({report.TotalFailures} failure(s); {report.VerifiedCommitments} of {report.RecordsRead} commitment(s) verified before the first failure); a chain with any failure is never imported. First failure: {report.FirstFailure}"));
        }

        LegacyImportBasis basis = report.ImportBasis;
        if ((ulong)basis.OriginalLength < parameters.MinimumFileSizeBytes)
        {
            return LegacyImportResult.Refused(
                report,
                LegacyImportRefusalReason.BelowMinimumFileSize,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The original data is {basis.OriginalLength} bytes, below the minimum file size of profile '{parameters.Name}' ({parameters.MinimumFileSizeBytes} bytes); the current protocol would not accept this chain."));
        }

        if (basis.Tip.BlockHash.IsZero)
        {
            return LegacyImportResult.Refused(
                report,
                LegacyImportRefusalReason.UnusableAnchor,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The last verified block (height {basis.Tip.BlockHeight}) has an all-zero block hash, which the current protocol does not accept as an anchor."));
        }

        afterVerification?.Invoke(basis);
        bool createdFolder = !Directory.Exists(folder);
        string suffix = ".import-" + Guid.NewGuid().ToString("N") + ".tmp";
        string replicaTemp = Path.Combine(folder, ReplicaFileName + suffix);
        string leafTemp = Path.Combine(folder, LeafFileName + suffix);
        string registrationTemp = Path.Combine(folder, RegistrationFileName + suffix);
        string replicaPath = Path.Combine(folder, ReplicaFileName);
        string leafPath = Path.Combine(folder, LeafFileName);
        string registrationPath = Path.Combine(folder, RegistrationFileName);
        List<string> published = [];
        try
        {
            ReplicaInfo info;
            using (FileStream data = DataHash.OpenSequential(basis.DataFilePath, useAsync))
            {
                (long read, Hash32 sha256, Hash32 dataHash) = await HashOriginalAsync(data, basis.OriginalLength, useAsync, cancellationToken).ConfigureAwait(false);
                if (read < basis.OriginalLength)
                {
                    return DataChanged(report, basis, string.Create(CultureInfo.InvariantCulture, $"it now ends after {read} of the {basis.OriginalLength} original bytes"));
                }

                if (sha256 != basis.DataHash)
                {
                    return DataChanged(report, basis, string.Create(CultureInfo.InvariantCulture, $"its first {basis.OriginalLength} bytes now hash to {sha256}"));
                }

                Directory.CreateDirectory(folder);
                data.Position = 0;
                ReplicaEncodeOptions options = new() { DataHash = dataHash, LeafFilePath = leafTemp };
                try
                {
                    info = useAsync
                        ? await ReplicaEncoder.EncodeStreamAsync(data, basis.OriginalLength, dataHash, replicaTemp, nodeKey.PublicKey, parameters.ReplicaWorkFactor, options, cancellationToken).ConfigureAwait(false)
                        : ReplicaEncoder.EncodeStream(data, basis.OriginalLength, dataHash, replicaTemp, nodeKey.PublicKey, parameters.ReplicaWorkFactor, options);
                }
                catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
                {
                    RemoveFolderIfCreated(folder, createdFolder);
                    return DataChanged(report, basis, $"it changed while being encoded ({e.Message})");
                }
            }

            ChainHeader header = ChainHeader.Create(
                info.DataHash,
                nodeKey.PublicKey,
                info.ReplicaRoot,
                (ulong)info.FileLength,
                info.EncodingVersion,
                info.WorkFactor,
                basis.Tip.BlockHeight,
                basis.Tip.BlockHash);

            using (FileStream registration = new(registrationTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                LegacyImportRegistration.Write(registration, header, basis, parameters, ReplicaFileName, LeafFileName);
                registration.Flush(flushToDisk: true);
            }

            // chain.json last: its presence marks a complete import.
            Publish(replicaTemp, replicaPath, published);
            Publish(leafTemp, leafPath, published);
            Publish(registrationTemp, registrationPath, published);
            return LegacyImportResult.Imported(report, header, registrationPath, replicaPath, leafPath);
        }
        catch
        {
            ReplicaEncoder.DeleteQuietly([.. published, replicaTemp, leafTemp, registrationTemp]);
            RemoveFolderIfCreated(folder, createdFolder);
            throw;
        }
    }

    /// <summary>
    /// Reads the next <paramref name="length"/> bytes once, giving SHA-256 (v1 <c>data_file_hash</c>) and the
    /// current data hash; when the stream ends early, the bytes read and default hashes.
    /// </summary>
    private static async Task<(long Read, Hash32 Sha256, Hash32 DataHash)> HashOriginalAsync(Stream data, long length, bool useAsync, CancellationToken cancellationToken)
    {
        using IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using DataHasher dataHasher = new(length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (dataHasher.BytesAppended < length)
            {
                int want = (int)Math.Min(BufferSize, length - dataHasher.BytesAppended);
                int read = useAsync
                    ? await data.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false)
                    : data.Read(buffer, 0, want);
                if (read == 0)
                {
                    return (dataHasher.BytesAppended, default, default);
                }

                sha256.AppendData(buffer, 0, read);
                dataHasher.Append(buffer.AsSpan(0, read));
            }

            return (length, new Hash32(sha256.GetHashAndReset()), dataHasher.Finish());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LegacyImportResult DataChanged(LegacyVerificationReport report, LegacyImportBasis basis, string what) =>
        LegacyImportResult.Refused(
            report,
            LegacyImportRefusalReason.DataChanged,
            $"The data file '{basis.DataFilePath}' verified with data_file_hash {basis.DataHash}, but {what}: it was modified after verification. Restore it and run the import again.");

    private static void Publish(string temporary, string final, List<string> published)
    {
        File.Move(temporary, final, overwrite: false);
        published.Add(final);
    }

    private static void RemoveFolderIfCreated(string folder, bool created)
    {
        if (!created)
        {
            return;
        }

        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Best effort: an empty folder left behind holds nothing of the import.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
