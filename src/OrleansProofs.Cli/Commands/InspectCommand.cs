// SPDX-License-Identifier: MIT

using System.CommandLine;
using OrleansProofs.Cli.Inspection;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc inspect &lt;file&gt;</c>: recognises the file by its first bytes through the registered
/// <see cref="IFileInspector"/>s and prints what it holds. Exit 0 when the file was read completely,
/// 2 when it is missing, unrecognised or malformed (the message names the field).
/// </summary>
public static class InspectCommand
{
    /// <summary>Builds <c>inspect</c> over <paramref name="inspectors"/>.</summary>
    public static Command Create(CliContext context, IReadOnlyList<IFileInspector> inspectors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inspectors);
        if (inspectors.Count == 0)
        {
            throw new ArgumentException("At least one inspector is needed.", nameof(inspectors));
        }

        Argument<string> file = new("file")
        {
            Description = "The file to describe (" + string.Join(", ", inspectors.Select(i => $"{i.FormatName}: {i.SignatureDescription}")) + ").",
        };
        Command inspect = new("inspect", "Show what a file holds: header fields, counts and footer (text, or JSON with --json).")
        {
            file,
        };
        inspect.SetAction(parseResult => Inspect(context.Output(parseResult), parseResult.GetRequiredValue(file), inspectors));
        return inspect;
    }

    /// <summary>Finds the inspector for the file at <paramref name="path"/> by its leading bytes.</summary>
    /// <exception cref="CliException">No inspector recognises the file (exit code 2, the message shows its first bytes).</exception>
    public static IFileInspector Detect(string path, IReadOnlyList<IFileInspector> inspectors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(inspectors);

        int length = inspectors.Max(i => i.SignatureLength);
        byte[] head = new byte[length];
        int read;
        long fileLength;
        using (FileStream stream = File.OpenRead(path))
        {
            fileLength = stream.Length;
            read = stream.ReadAtLeast(head, length, throwOnEndOfStream: false);
        }

        ReadOnlySpan<byte> bytes = head.AsSpan(0, read);
        foreach (IFileInspector inspector in inspectors)
        {
            if (inspector.Recognises(bytes, fileLength))
            {
                return inspector;
            }
        }

        string known = string.Join("; ", inspectors.Select(i => $"{i.FormatName} ({i.SignatureDescription})"));
        string first = read == 0 ? "none, the file is empty" : Convert.ToHexStringLower(bytes);
        throw CliException.Usage($"unrecognised file: first bytes {first} ('{path}', {fileLength} bytes); known formats: {known}.");
    }

    private static int Inspect(ConsoleOutput output, string argument, IReadOnlyList<IFileInspector> inspectors)
    {
        string path = InputFiles.RequireFile(argument, "file");
        IFileInspector inspector = Detect(path, inspectors);
        InspectionResult result;
        try
        {
            result = inspector.Inspect(path, output);
        }
        catch (FormatException e)
        {
            throw CliException.Usage($"cannot read '{path}' as {inspector.FormatName}: {e.Message}");
        }

        output.WriteDocument(result.Document);
        if (result.Error is not null)
        {
            output.ErrorLine($"'{path}' is unreadable after {result.Document["records"]?["count"]} record(s): {result.Error}");
            return ExitCodes.UsageOrUnreadable;
        }

        return ExitCodes.Valid;
    }
}
