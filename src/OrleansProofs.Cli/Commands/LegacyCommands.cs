// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Globalization;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc legacy …</c>: the v1 <c>.hashchain</c> migration path. All checking is
/// <see cref="LegacyChainVerifier"/>'s; this class only finds the files, shows progress and prints the report.
/// </summary>
public static class LegacyCommands
{
    /// <summary>The extension of the data file looked for beside a <c>.hashchain</c> file.</summary>
    public const string DataExtension = ".data";

    /// <summary>Builds <c>legacy</c> and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Command legacy = new("legacy", "Work with v1 .hashchain files of the earlier prototype.");
        legacy.Subcommands.Add(CreateVerify(context));
        legacy.Subcommands.Add(LegacyImportCommand.Create(context));
        return legacy;
    }

    /// <summary>The data file used when <c>--data</c> is not given: the same name with <c>.data</c>, beside the chain file.</summary>
    public static string DefaultDataPath(string hashChainPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashChainPath);
        return Path.ChangeExtension(hashChainPath, DataExtension);
    }

    private static Command CreateVerify(CliContext context)
    {
        Argument<string> hashChain = new("hashchain")
        {
            Description = "The v1 .hashchain file.",
        };
        Option<string?> data = new("--data")
        {
            Description = "The .data file the chain commits to (default: the .data file of the same name beside the .hashchain).",
            HelpName = "file.data",
        };
        Option<int> maxFailures = new("--max-failures")
        {
            Description = "How many failures to keep in the report (the first is always kept).",
            DefaultValueFactory = _ => LegacyChainVerifier.DefaultMaxFailures,
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
                {
                    result.AddError($"--max-failures must be a whole number of at least 1; got '{token}'.");
                    return 0;
                }

                return value;
            },
        };

        Command verify = new("verify", "Re-verify a v1 chain from its .hashchain and .data files; prints the number of verified commitments. Exit 0 valid, 1 invalid (first failure named), 2 missing or unreadable files.")
        {
            hashChain,
            data,
            maxFailures,
        };
        verify.SetAction(parseResult => Verify(
            context.Output(parseResult),
            parseResult.GetRequiredValue(hashChain),
            parseResult.GetValue(data),
            parseResult.GetValue(maxFailures)));
        return verify;
    }

    private static int Verify(ConsoleOutput output, string hashChainArgument, string? dataArgument, int maxFailures)
    {
        string hashChainPath = InputFiles.RequireFile(hashChainArgument, "hashchain file");
        string dataPath = dataArgument is null
            ? InputFiles.RequireFile(DefaultDataPath(hashChainArgument), "data file (default: beside the .hashchain; choose another with --data)")
            : InputFiles.RequireFile(dataArgument, "data file");

        LegacyVerificationReport report = VerifyWithProgress(output, hashChainPath, dataPath, maxFailures);
        LegacyVerifyResult result = LegacyVerifyResult.From(hashChainPath, dataPath, report);
        if (output.Json)
        {
            output.WriteJson(result);
        }
        else
        {
            WriteText(output, result);
        }

        return report.IsValid ? ExitCodes.Valid : ExitCodes.Invalid;
    }

    /// <summary>
    /// Runs the Core verifier over a chain stream that reports its position, so the bar follows the
    /// records; the data file pass before them shows as a timed phase.
    /// </summary>
    private static LegacyVerificationReport VerifyWithProgress(ConsoleOutput output, string hashChainPath, string dataPath, int maxFailures)
    {
        using ProgressBar progress = output.StartProgress($"hashing {Path.GetFileName(dataPath)}");
        long recordsOffset = long.MaxValue;
        long fileLength = 0;
        bool inRecords = false;
        FileStream file = new(hashChainPath, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.SequentialScan,
            BufferSize = 64 * 1024,
        });
        using ProgressReadStream stream = new(file, position =>
        {
            if (position <= recordsOffset)
            {
                return;
            }

            if (!inRecords)
            {
                inRecords = true;
                progress.SetPhase("verifying records");
            }

            progress.Report(position - recordsOffset, fileLength - recordsOffset);
        });

        HashChainFileReader reader;
        try
        {
            reader = new HashChainFileReader(stream, LegacyHeaderChecksumPolicy.Report, leaveOpen: true);
        }
        catch (LegacyFormatException)
        {
            // The header or leaf table cannot be parsed: the path overload turns that into the
            // verifier's own Format report without reading the data file.
            return LegacyChainVerifier.Verify(hashChainPath, dataPath, maxFailures);
        }

        using (reader)
        {
            recordsOffset = reader.RecordsOffset;
            fileLength = reader.FileLength;
            return LegacyChainVerifier.Verify(reader, dataPath, maxFailures);
        }
    }

    private static void WriteText(ConsoleOutput output, LegacyVerifyResult result)
    {
        if (result.Valid)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture, $"valid: {result.VerifiedCommitments} commitments verified"));
            output.Line($"  hashchain: {result.HashChainFile}");
            output.Line($"  data:      {result.DataFile}");
            if (result.LastVerified is { } tip)
            {
                output.Line(string.Create(CultureInfo.InvariantCulture, $"  tip:       height {tip.BlockHeight}, commitment {tip.Commitment}"));
            }

            return;
        }

        output.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"invalid: {result.VerifiedCommitments} commitments verified before the first failure ({result.RecordsRead} records read)"));
        output.Line($"  hashchain: {result.HashChainFile}");
        output.Line($"  data:      {result.DataFile}");
        output.Line("first failure: " + result.FirstFailureText);
        long others = result.TotalFailures - 1;
        if (others > 0)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture, $"{others} more failure(s); --json lists up to --max-failures of them."));
        }
    }
}

/// <summary>The result of <c>posc legacy verify</c> as printed with <c>--json</c>.</summary>
/// <param name="Valid">True when every check passed.</param>
/// <param name="HashChainFile">Full path of the verified <c>.hashchain</c> file.</param>
/// <param name="DataFile">Full path of the <c>.data</c> file.</param>
/// <param name="VerifiedCommitments">Commitments that verified, counted from the first record.</param>
/// <param name="RecordsRead">Records read from the file.</param>
/// <param name="TotalFailures">All failures found.</param>
/// <param name="FailuresTruncated">True when <paramref name="Failures"/> was capped by <c>--max-failures</c>.</param>
/// <param name="FirstFailure">The first failure, or null when valid.</param>
/// <param name="Failures">The failures in the order checked, up to the cap.</param>
/// <param name="LastVerified">The last verified point of the chain; null when nothing is anchored.</param>
public sealed record LegacyVerifyResult(
    bool Valid,
    string HashChainFile,
    string DataFile,
    long VerifiedCommitments,
    long RecordsRead,
    long TotalFailures,
    bool FailuresTruncated,
    LegacyFailureResult? FirstFailure,
    IReadOnlyList<LegacyFailureResult> Failures,
    LegacyTipResult? LastVerified)
{
    /// <summary>The first failure as one line (Core's wording), or null when valid.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? FirstFailureText { get; private init; }

    /// <summary>Maps a Core report.</summary>
    public static LegacyVerifyResult From(string hashChainFile, string dataFile, LegacyVerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<LegacyFailureResult> failures = [.. report.Failures.Select(LegacyFailureResult.From)];
        return new LegacyVerifyResult(
            report.IsValid,
            hashChainFile,
            dataFile,
            report.VerifiedCommitments,
            report.RecordsRead,
            report.TotalFailures,
            report.FailuresTruncated,
            failures.Count > 0 ? failures[0] : null,
            failures,
            report.LastVerified is { } tip
                ? new LegacyTipResult(tip.BlockHeight, tip.BlockHash.ToString(), tip.Commitment.ToString(), tip.RecordIndex)
                : null)
        {
            FirstFailureText = report.FirstFailure?.ToString(),
        };
    }
}

/// <summary>One failure of <c>posc legacy verify</c> in JSON.</summary>
/// <param name="Kind">Which check failed.</param>
/// <param name="Field">The field, e.g. <c>record[3].commitment_hash</c>.</param>
/// <param name="RecordIndex">Zero-based record index, for record checks.</param>
/// <param name="BlockHeight">The height the record should carry, for record checks.</param>
/// <param name="Offset">Byte offset of the field in the <c>.hashchain</c> file.</param>
/// <param name="Expected">The expected value.</param>
/// <param name="Actual">The value found.</param>
/// <param name="FormatError">For format failures, the parse error.</param>
/// <param name="Detail">An explanation, where there is one.</param>
public sealed record LegacyFailureResult(
    LegacyFailureKind Kind,
    string Field,
    long? RecordIndex,
    ulong? BlockHeight,
    long? Offset,
    string Expected,
    string Actual,
    LegacyFormatError? FormatError,
    string? Detail)
{
    /// <summary>Maps a Core failure.</summary>
    public static LegacyFailureResult From(LegacyVerificationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Kind, failure.Field, failure.RecordIndex, failure.BlockHeight, failure.Offset, failure.Expected, failure.Actual, failure.FormatError, failure.Detail);
    }
}

/// <summary>The last verified point of a chain in JSON.</summary>
/// <param name="BlockHeight">Block height.</param>
/// <param name="BlockHash">Block hash (hex).</param>
/// <param name="Commitment">Commitment at that point (hex).</param>
/// <param name="RecordIndex">Record index, or null for the anchor.</param>
public sealed record LegacyTipResult(ulong BlockHeight, string BlockHash, string Commitment, long? RecordIndex);
