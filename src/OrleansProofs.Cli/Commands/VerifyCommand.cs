// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.CommandLine.Parsing;
using OrleansProofs.Cli.Proofs;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc verify &lt;proof-file&gt;</c>: verifies a path, compact, full or ultra-compact proof with
/// <see cref="ProofVerifier"/> against what the verifier trusts — the prover's public key, the
/// layer-1 blocks (<c>--block-hashes</c>, <see cref="PublicBlockTable.Parse"/>'s text format), the
/// consensus profile and optionally the chain's registration. Exit 0 valid, 1 invalid (the first
/// failure named; malformed proof bytes are invalid with the decoder's reason), 2 usage errors and
/// missing or unreadable inputs.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Builds <c>verify</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Argument<string> proofFile = new("proof-file")
        {
            Description = "The proof: a POSC envelope (path, compact, full) or a 136-byte ultra-compact claim.",
        };
        Option<ProofFormat?> format = new("--format")
        {
            Description = $"The proof format ({string.Join(", ", ProofFormatNames.All)}); default: told from the file ({ProofFiles.IdentificationRule}).",
            HelpName = string.Join('|', ProofFormatNames.All),
            CustomParser = result =>
            {
                string token = SingleToken(result);
                if (ProofFormatNames.TryParse(token, out ProofFormat parsed))
                {
                    return parsed;
                }

                result.AddError($"--format must be one of {string.Join(", ", ProofFormatNames.All)}; got '{token}'.");
                return null;
            },
        };
        Option<ProverPublicKey> publicKey = new("--public-key")
        {
            Description = "The prover's Ed25519 public key, 64 hex characters.",
            HelpName = "hex",
            Required = true,
            CustomParser = result =>
            {
                string token = SingleToken(result);
                if (Hash32.TryParse(token, out Hash32 key))
                {
                    return new ProverPublicKey(key.Bytes);
                }

                result.AddError($"--public-key must be 64 hexadecimal characters (a 32-byte Ed25519 public key); got '{token}'.");
                return default;
            },
        };
        Option<string> blockHashes = new("--block-hashes")
        {
            Description = "The layer-1 blocks the verifier trusts: one per line, 'height blockHashHex [timestamp] [beaconHex]'; blank lines and '#' comments ignored.",
            HelpName = "file",
            Required = true,
        };
        Option<string> profile = new("--profile")
        {
            Description = $"The consensus profile the prover runs ({string.Join(", ", ConsensusParameters.ProfileNames)}).",
            HelpName = string.Join('|', ConsensusParameters.ProfileNames),
            DefaultValueFactory = _ => ConsensusParameters.Standard.Name,
            CustomParser = result =>
            {
                string token = SingleToken(result).ToLowerInvariant();
                if (ConsensusParameters.ProfileNames.Contains(token))
                {
                    return token;
                }

                result.AddError($"--profile must be one of {string.Join(", ", ConsensusParameters.ProfileNames)}; got '{SingleToken(result)}'.");
                return ConsensusParameters.Standard.Name;
            },
        };
        Option<string?> registration = new("--registration")
        {
            Description = "The chain's registration as JSON (dataHash, replicaRoot, fileLength, encodingVersion, workFactor, anchorHeight, anchorBlockHash); the proof must match it. Required for ultra-compact claims.",
            HelpName = "file",
        };
        Option<string?> pathProof = new("--path-proof")
        {
            Description = "Ultra-compact only: the path proof for the same chain and height that the claim is checked against.",
            HelpName = "file",
        };
        Option<AuditorNonce?> nonce = NonceOption.Create("Ultra-compact only: the 12-byte challenge nonce this auditor issued, 24 hex characters.");

        Command verify = new("verify", "Verify a proof (path, compact, full or ultra-compact) against the prover's key and the public layer-1 blocks. Exit 0 valid, 1 invalid (first failure named), 2 usage or unreadable input.")
        {
            proofFile,
            format,
            publicKey,
            blockHashes,
            profile,
            registration,
            pathProof,
            nonce,
        };
        verify.SetAction(parseResult => Verify(
            context.Output(parseResult),
            new VerifyRequest(
                parseResult.GetRequiredValue(proofFile),
                parseResult.GetValue(format),
                parseResult.GetRequiredValue(publicKey),
                parseResult.GetRequiredValue(blockHashes),
                ConsensusParameters.FromName(parseResult.GetRequiredValue(profile)),
                parseResult.GetValue(registration),
                parseResult.GetValue(pathProof),
                parseResult.GetValue(nonce))));
        return verify;
    }

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

    private static int Verify(ConsoleOutput output, VerifyRequest request)
    {
        string proofPath = InputFiles.RequireFile(request.ProofFile, "proof file");
        string blocksPath = InputFiles.RequireFile(request.BlockHashesFile, "block hashes file");
        string? registrationPath = request.RegistrationFile is null ? null : InputFiles.RequireFile(request.RegistrationFile, "registration file");
        string? pathProofPath = request.PathProofFile is null ? null : InputFiles.RequireFile(request.PathProofFile, "path proof file");

        PublicBlockTable blocks = ReadBlocks(blocksPath);
        ChainHeader? registered = registrationPath is null ? null : ReadRegistration(registrationPath, request.PublicKey);
        ProofVerificationContext context = new(request.PublicKey, request.Profile, blocks) { RegisteredChain = registered };

        ProofFormat? format = request.Format;
        ProofVerificationResult result;
        long proofLength = new FileInfo(proofPath).Length;
        if (proofLength > ProofFiles.MaxProofBytes)
        {
            result = ProofVerificationResult.Fail(ProofFailure.Malformed,
                $"the proof file is {proofLength} bytes; no proof is larger than {ProofFiles.MaxProofBytes} bytes.");
            return Report(output, proofPath, format, result);
        }

        byte[] proof = File.ReadAllBytes(proofPath);
        if (format is null)
        {
            if (ProofEnvelope.TryIdentify(proof, out ProofFormat identified))
            {
                format = identified;
            }
            else if (ProofFiles.HasEnvelopeMagic(proof))
            {
                result = ProofVerificationResult.Fail(ProofFailure.Malformed, ProofFiles.UnknownFormatByteReason(proof));
                return Report(output, proofPath, null, result);
            }
            else
            {
                string head = Convert.ToHexStringLower(proof.AsSpan(0, Math.Min(proof.Length, 8)));
                throw CliException.Usage(
                    $"cannot tell the proof format of '{proofPath}' ({proof.Length} bytes, first bytes {(head.Length == 0 ? "none" : head)}): {ProofFiles.IdentificationRule}; pass --format to decode it as one.");
            }
        }

        if (format == ProofFormat.UltraCompact)
        {
            RequireUltraCompactInputs(registrationPath, pathProofPath, request.Nonce);
            result = VerifyUltraCompact(proof, pathProofPath!, request.Nonce!.Value, context);
        }
        else
        {
            if (pathProofPath is not null || request.Nonce is not null)
            {
                throw CliException.Usage($"--path-proof and --nonce apply only to ultra-compact claims; this proof is {format.Value.ToName()}.");
            }

            result = ProofVerifier.Verify(format.Value, proof, context);
        }

        return Report(output, proofPath, format, result);
    }

    private static void RequireUltraCompactInputs(string? registrationPath, string? pathProofPath, AuditorNonce? nonce)
    {
        List<string> missing = [];
        if (registrationPath is null)
        {
            missing.Add("--registration");
        }

        if (pathProofPath is null)
        {
            missing.Add("--path-proof");
        }

        if (nonce is null)
        {
            missing.Add("--nonce");
        }

        if (missing.Count > 0)
        {
            throw CliException.Usage(
                $"an ultra-compact claim is checked against the chain's registration, a path proof for the same chain and height, and the nonce you issued: --registration, --path-proof and --nonce are required (missing: {string.Join(", ", missing)}).");
        }
    }

    private static ProofVerificationResult VerifyUltraCompact(byte[] claimBytes, string pathProofPath, AuditorNonce nonce, ProofVerificationContext context)
    {
        UltraCompactClaim claim;
        try
        {
            claim = UltraCompactClaim.Decode(claimBytes);
        }
        catch (FormatException e)
        {
            return ProofVerificationResult.Fail(ProofFailure.Malformed, e.Message);
        }

        long pathLength = new FileInfo(pathProofPath).Length;
        if (pathLength > ProofFiles.MaxProofBytes)
        {
            return ProofVerificationResult.Fail(ProofFailure.Malformed,
                $"path proof '{pathProofPath}' is {pathLength} bytes; no proof is larger than {ProofFiles.MaxProofBytes} bytes.");
        }

        PathProof pathProof;
        try
        {
            pathProof = PathProof.Decode(File.ReadAllBytes(pathProofPath));
        }
        catch (FormatException e)
        {
            return ProofVerificationResult.Fail(ProofFailure.Malformed, $"path proof '{pathProofPath}': {e.Message}");
        }

        return ProofVerifier.VerifyUltraCompact(claim, pathProof, nonce, context);
    }

    private static PublicBlockTable ReadBlocks(string path)
    {
        try
        {
            using StreamReader reader = new(path);
            return PublicBlockTable.Parse(reader);
        }
        catch (FormatException e)
        {
            throw CliException.Usage($"block hashes file '{path}': {e.Message}");
        }
    }

    private static ChainHeader ReadRegistration(string path, ProverPublicKey prover)
    {
        try
        {
            return RegistrationFile.ToHeader(RegistrationFile.Read(path), prover, path);
        }
        catch (FormatException e)
        {
            throw CliException.Usage(e.Message);
        }
    }

    private static int Report(ConsoleOutput output, string proofPath, ProofFormat? format, ProofVerificationResult result)
    {
        VerifyResult printed = new(
            result.IsValid,
            result.Reason,
            result.IsValid ? null : result.Failure,
            result.ChainId?.ToString(),
            result.Height,
            format?.ToName(),
            proofPath);
        if (output.Json)
        {
            output.WriteJson(printed);
        }
        else
        {
            output.Line(result.IsValid
                ? $"valid: chain {result.ChainId} at height {result.Height}"
                : $"invalid ({result.Failure}): {result.Reason}");
        }

        return result.IsValid ? ExitCodes.Valid : ExitCodes.Invalid;
    }

    private sealed record VerifyRequest(
        string ProofFile,
        ProofFormat? Format,
        ProverPublicKey PublicKey,
        string BlockHashesFile,
        ConsensusParameters Profile,
        string? RegistrationFile,
        string? PathProofFile,
        AuditorNonce? Nonce);
}

/// <summary>The result of <c>posc verify</c> as printed with <c>--json</c>.</summary>
/// <param name="Valid">True when every check passed.</param>
/// <param name="Reason">What failed: the field and the expected and actual values; null when valid.</param>
/// <param name="Failure">The first failed check (camelCase <see cref="ProofFailure"/> name); null when valid.</param>
/// <param name="ChainId">The chain the proof is about (hex), once decoded; else null.</param>
/// <param name="Height">The block height the proof ends at, once decoded; else null.</param>
/// <param name="Format">The proof format verified (given or told from the file); null when it could not be told.</param>
/// <param name="ProofFile">Full path of the proof file.</param>
public sealed record VerifyResult(bool Valid, string? Reason, ProofFailure? Failure, string? ChainId, ulong? Height, string? Format, string ProofFile);
