// SPDX-License-Identifier: MIT

using System.CommandLine;

namespace OrleansProofs.Cli.Gateway;

/// <summary>
/// The options of every command that talks to a gateway: where it is (<c>--gateway</c>, else
/// <c>POSC_GATEWAY</c>, else <see cref="DefaultAddress"/>) and the operator key for state changes
/// (<c>--api-key</c>, <c>--api-key-file</c>, else <c>POSC_API_KEY</c>). Each option instance is added,
/// recursively, to each gateway command group.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The gateway a node started with <c>dotnet run --project src/OrleansProofs.Silo</c> listens on.</summary>
    public const string DefaultAddress = "http://127.0.0.1:8080";

    /// <summary>The environment variable naming the gateway when <c>--gateway</c> is not given.</summary>
    public const string GatewayVariable = "POSC_GATEWAY";

    /// <summary>The environment variable holding the operator key when neither key option is given.</summary>
    public const string ApiKeyVariable = "POSC_API_KEY";

    /// <summary><c>--gateway URL</c>.</summary>
    public Option<string?> Address { get; } = new("--gateway")
    {
        Description = $"The gateway's base URL (default: ${GatewayVariable}, else {DefaultAddress}).",
        HelpName = "url",
        Recursive = true,
    };

    /// <summary><c>--api-key KEY</c>.</summary>
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The operator API key, for state changes (default: ${ApiKeyVariable}). Visible in the process list: prefer --api-key-file or the variable.",
        HelpName = "key",
        Recursive = true,
    };

    /// <summary><c>--api-key-file FILE</c>.</summary>
    public Option<string?> ApiKeyFile { get; } = new("--api-key-file")
    {
        Description = "A file holding the operator API key, such as the node's data/operator.key.",
        HelpName = "file",
        Recursive = true,
    };

    /// <summary>Adds the three options to <paramref name="command"/> (recursive: its subcommands take them too).</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Address);
        command.Options.Add(ApiKey);
        command.Options.Add(ApiKeyFile);
    }

    /// <summary>
    /// The gateway and key a parsed command line asks for. A URL that is not absolute http(s), both
    /// key options at once, or an unreadable or empty key file is a usage failure (exit 2).
    /// </summary>
    public GatewayTarget Resolve(ParseResult parseResult, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        string? given = parseResult.GetValue(Address);
        string? fromEnvironment = context.GetEnvironmentVariable(GatewayVariable);
        (string text, string source) = !string.IsNullOrWhiteSpace(given) ? (given, "--gateway")
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? (fromEnvironment, GatewayVariable)
            : (DefaultAddress, "the default");
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw CliException.Usage($"the gateway address from {source} must be an absolute http:// or https:// URL; got '{text}'.");
        }

        if (!address.AbsolutePath.EndsWith('/'))
        {
            // Relative request paths resolve under the base only when it ends with '/' (a gateway behind a path prefix).
            address = new Uri(address.GetLeftPart(UriPartial.Path) + "/");
        }

        return new GatewayTarget(address, ResolveKey(parseResult, context));
    }

    private OperatorKey? ResolveKey(ParseResult parseResult, CliContext context)
    {
        string? key = parseResult.GetValue(ApiKey);
        string? file = parseResult.GetValue(ApiKeyFile);
        if (key is not null && file is not null)
        {
            throw CliException.Usage("give the operator key once: --api-key or --api-key-file, not both.");
        }

        if (key is not null)
        {
            return string.IsNullOrWhiteSpace(key) ? throw CliException.Usage("--api-key is empty.") : new OperatorKey(key.Trim(), "--api-key");
        }

        if (file is not null)
        {
            string path = InputFiles.RequireFile(file, "API key file");
            string text = File.ReadAllText(path).Trim();
            return text.Length == 0 ? throw CliException.Usage($"API key file '{path}' is empty.") : new OperatorKey(text, $"--api-key-file {path}");
        }

        string? fromEnvironment = context.GetEnvironmentVariable(ApiKeyVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : new OperatorKey(fromEnvironment.Trim(), "$" + ApiKeyVariable);
    }
}

/// <summary>Where a gateway command sends its requests, and with which operator key.</summary>
/// <param name="BaseAddress">The gateway's base URL, ending with '/'.</param>
/// <param name="Key">The operator key, or null when none was given.</param>
public sealed record GatewayTarget(Uri BaseAddress, OperatorKey? Key);

/// <summary>An operator key and where it came from (named in messages; the key itself never is).</summary>
/// <param name="Value">The key.</param>
/// <param name="Source">The option or variable it came from.</param>
public sealed record OperatorKey(string Value, string Source)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"operator key from {Source}";
}
