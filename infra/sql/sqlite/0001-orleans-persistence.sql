-- SPDX-License-Identifier: MIT
--
-- OrleansProofs: Orleans AdoNet grain persistence on SQLite (schema version 1).
--
-- The Orleans AdoNet storage provider (Microsoft.Orleans.Persistence.AdoNet, invariant
-- "System.Data.SQLite", served by Microsoft.Data.Sqlite) reads three query texts from the
-- OrleansQuery table at start: WriteToStorageKey, ReadFromStorageKey and ClearStorageKey. It binds
-- these parameters by name and reads these columns by name:
--
--   parameters  GrainIdHash (int), GrainIdN0 (long), GrainIdN1 (long), GrainTypeHash (int),
--               GrainTypeString (text), GrainIdExtensionString (text or NULL), ServiceId (text),
--               GrainStateVersion (int or NULL: write and clear), PayloadBinary (blob: write)
--   read        returns at most one row with PayloadBinary (blob or NULL) and Version (int)
--   write       returns one row, NewGrainStateVersion: the new version when the row was written;
--               otherwise the version the caller sent (NULL when it sent none), which the provider
--               reports as a version conflict (InconsistentStateException)
--   clear       returns one row whose first column is the new version, or the version sent when
--               nothing was cleared (a conflict)
--
-- Versions are optimistic-concurrency tokens: a write with no version inserts only when no row
-- exists; a write or clear with version v changes the row only while it still holds v, and makes
-- it v + 1. The result is computed with changes(), which counts the rows changed by the previous
-- statement on the same connection, so it cannot see another connection's work.
--
-- A grain's identity is the whole key (service, type, N0, N1, extension), enforced by the primary
-- key, so two activations cannot both insert. SQLite treats NULLs in a key as distinct, so a missing
-- extension is stored as '' (Orleans never sends an empty extension string).
--
-- Every statement is idempotent (IF NOT EXISTS, INSERT OR REPLACE): the host applies this file at
-- start when the database's recorded schema version is below 1, inside one transaction.

CREATE TABLE IF NOT EXISTS OrleansProofsSchema
(
    Version   INTEGER NOT NULL PRIMARY KEY,
    Name      TEXT    NOT NULL,
    AppliedOn TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL DEFAULT '',
    PayloadBinary          BLOB,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL,
    CONSTRAINT PK_OrleansStorage PRIMARY KEY
        (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
) WITHOUT ROWID;

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary, Version
     FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''');'
);

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'WriteToStorageKey',
    'INSERT INTO OrleansStorage
         (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
          GrainIdExtensionString, PayloadBinary, ModifiedOn, Version)
     SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
            COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
     WHERE @GrainStateVersion IS NULL
        OR EXISTS (SELECT 1 FROM OrleansStorage
                   WHERE GrainIdHash = @GrainIdHash
                     AND GrainTypeHash = @GrainTypeHash
                     AND ServiceId = @ServiceId
                     AND GrainTypeString = @GrainTypeString
                     AND GrainIdN0 = @GrainIdN0
                     AND GrainIdN1 = @GrainIdN1
                     AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''''))
     ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
     DO UPDATE SET
         PayloadBinary = excluded.PayloadBinary,
         ModifiedOn = excluded.ModifiedOn,
         Version = OrleansStorage.Version + 1
     WHERE OrleansStorage.Version = @GrainStateVersion;
     SELECT CASE WHEN changes() > 0 THEN COALESCE(@GrainStateVersion, 0) + 1 ELSE @GrainStateVersion END
         AS NewGrainStateVersion;'
);

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ClearStorageKey',
    'UPDATE OrleansStorage
     SET PayloadBinary = NULL,
         ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
         Version = Version + 1
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
       AND Version = @GrainStateVersion;
     SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
         AS NewGrainStateVersion;'
);

INSERT OR REPLACE INTO OrleansProofsSchema (Version, Name, AppliedOn)
VALUES (1, 'orleans-persistence', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
