-- SPDX-License-Identifier: MIT
--
-- OrleansProofs: Orleans AdoNet grain persistence on PostgreSQL (schema version 1).
--
-- The Orleans AdoNet storage provider (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql")
-- reads three query texts from OrleansQuery at start: WriteToStorageKey, ReadFromStorageKey and
-- ClearStorageKey. It binds these parameters by name and reads these columns by name:
--
--   parameters  GrainIdHash (int4), GrainIdN0 (int8), GrainIdN1 (int8), GrainTypeHash (int4),
--               GrainTypeString (text), GrainIdExtensionString (text or NULL), ServiceId (text),
--               GrainStateVersion (int4 or NULL: write and clear), PayloadBinary (bytea: write)
--   read        at most one row: PayloadBinary (bytea or NULL) and Version (int4)
--   write       one row, NewGrainStateVersion: the new version when the row was written; otherwise
--               the version the caller sent (NULL when it sent none), which the provider reports as
--               a version conflict (InconsistentStateException)
--   clear       one row whose first column is the new version, or the version sent when nothing was
--               cleared (a conflict)
--
-- Versions are optimistic-concurrency tokens: a write without a version inserts only when no row
-- exists (ON CONFLICT DO NOTHING); a write or clear with version v changes the row only while it
-- still holds v (the UPDATE's WHERE is re-checked after a concurrent writer commits, so two writers
-- holding v cannot both win) and makes it v + 1. Each query is one statement, so it is atomic on
-- its own without an explicit transaction.
--
-- A grain's identity is the whole key (service, type, N0, N1, extension), enforced by the primary
-- key. A missing extension is stored as '' so that the key has no NULL (Orleans never sends an
-- empty extension string). Parameters are cast where PostgreSQL could not infer a type from a bare
-- "@p IS NULL".
--
-- Unquoted identifiers fold to lower case in PostgreSQL; Npgsql matches column names
-- case-insensitively, so the provider's "Version" finds the column version.
--
-- Every statement is idempotent (IF NOT EXISTS, ON CONFLICT DO UPDATE): the migration step applies
-- this file inside one transaction, under an advisory lock, when the recorded version is below 1.

CREATE TABLE IF NOT EXISTS OrleansProofsSchema
(
    Version   integer     NOT NULL PRIMARY KEY,
    Name      text        NOT NULL,
    AppliedOn timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL DEFAULT '',
    PayloadBinary          bytea,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NOT NULL,
    CONSTRAINT pk_orleansstorage PRIMARY KEY
        (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    $query$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS text), '');
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'WriteToStorageKey',
    $query$
    WITH inserted AS
    (
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
             GrainIdExtensionString, PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
               COALESCE(CAST(@GrainIdExtensionString AS text), ''), @PayloadBinary, now(), 1
        WHERE CAST(@GrainStateVersion AS integer) IS NULL
        ON CONFLICT ON CONSTRAINT pk_orleansstorage DO NOTHING
        RETURNING Version
    ),
    updated AS
    (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
          AND GrainIdHash = @GrainIdHash
          AND GrainTypeHash = @GrainTypeHash
          AND ServiceId = @ServiceId
          AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0
          AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS text), '')
          AND Version = CAST(@GrainStateVersion AS integer)
        RETURNING Version
    )
    SELECT COALESCE((SELECT Version FROM inserted), (SELECT Version FROM updated), CAST(@GrainStateVersion AS integer))
        AS NewGrainStateVersion;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ClearStorageKey',
    $query$
    WITH cleared AS
    (
        UPDATE OrleansStorage
        SET PayloadBinary = NULL,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE GrainIdHash = @GrainIdHash
          AND GrainTypeHash = @GrainTypeHash
          AND ServiceId = @ServiceId
          AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0
          AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS text), '')
          AND Version = CAST(@GrainStateVersion AS integer)
        RETURNING Version
    )
    SELECT COALESCE((SELECT Version FROM cleared), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansProofsSchema (Version, Name) VALUES (1, 'orleans-persistence')
ON CONFLICT (Version) DO NOTHING;
