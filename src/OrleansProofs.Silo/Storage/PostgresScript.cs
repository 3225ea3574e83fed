// SPDX-License-Identifier: MIT

namespace OrleansProofs.Silo.Storage;

/// <summary>One versioned PostgreSQL schema script (infra/sql/postgresql/NNNN-name.sql).</summary>
/// <param name="Version">Its version (the NNNN of its file name).</param>
/// <param name="Name">The rest of its file name.</param>
/// <param name="Text">The SQL.</param>
public sealed record PostgresScript(int Version, string Name, string Text);
