-- SPDX-License-Identifier: MIT
--
-- OrleansProofs: Orleans AdoNet clustering (membership) on PostgreSQL (schema version 3).
--
-- Microsoft.Orleans.Clustering.AdoNet (invariant "Npgsql") reads these query texts from OrleansQuery;
-- silos use all of them, clients (gateways) only GatewaysQueryKey. Parameters, bound by name:
--
--   DeploymentId (text: the cluster id), Address (text: the silo's IP), Port, Generation (int4),
--   SiloName, HostName (text), Status (int4: Orleans' SiloStatus; 3 = Active, 6 = Dead),
--   ProxyPort (int4: the gateway port, 0 when none), StartTime, IAmAliveTime (timestamptz, UTC),
--   SuspectTimes (text or NULL: "address,time|address,time"), Version (int4: the table version the
--   caller read, its etag).
--
--   InsertMembershipVersionKey  create the cluster's version row (version 0) when missing; one row,
--                               one column: true when it was created now
--   MembershipReadAllKey        every silo row of the cluster, each with the table Version; when the
--                               cluster has no silo yet, one row with the Version and NULL silo
--                               columns (a NULL StartTime means "no silo")
--   MembershipReadRowKey        the same for one silo (Address, Port, Generation)
--   InsertMembershipKey         add a silo row only when the table version is still @Version and the
--                               silo is not there yet; bump the version; one boolean: success
--   UpdateMembershipKey         change a silo's Status, SuspectTimes and IAmAliveTime only when the
--                               table version is still @Version; bump the version; one boolean
--   UpdateIAmAlivetimeKey       the silo's heartbeat: IAmAliveTime only, no version change
--   GatewaysQueryKey            Address, ProxyPort, Generation of the silos in @Status with a gateway
--   DeleteMembershipTableEntriesKey  remove the cluster's rows and version row
--   CleanupDefunctSiloEntriesKey     remove Dead silos whose last heartbeat is before @IAmAliveTime
--
-- Optimistic concurrency is the version row: both writes bump it in the same statement that changes
-- the silo row, with a WHERE on the version, so of two silos acting on the same table version only
-- one succeeds (the other's UPDATE re-checks the WHERE after the first commits and changes nothing).

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer,
    SuspectTimes text,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    $query$
    WITH created AS
    (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM created);
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'MembershipReadAllKey',
    $query$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'MembershipReadRowKey',
    $query$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId
       AND m.Address = @Address
       AND m.Port = @Port
       AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipKey',
    $query$
    WITH bumped AS
    (
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1,
            Timestamp = now()
        WHERE DeploymentId = @DeploymentId
          AND Version = @Version
          AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                          WHERE DeploymentId = @DeploymentId
                            AND Address = @Address
                            AND Port = @Port
                            AND Generation = @Generation)
        RETURNING DeploymentId
    ),
    inserted AS
    (
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
             StartTime, IAmAliveTime)
        SELECT bumped.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
               @ProxyPort, @StartTime, @IAmAliveTime
        FROM bumped
        ON CONFLICT ON CONSTRAINT pk_orleansmembershiptable DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM inserted);
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'UpdateMembershipKey',
    $query$
    WITH bumped AS
    (
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1,
            Timestamp = now()
        WHERE DeploymentId = @DeploymentId
          AND Version = @Version
          AND EXISTS (SELECT 1 FROM OrleansMembershipTable
                      WHERE DeploymentId = @DeploymentId
                        AND Address = @Address
                        AND Port = @Port
                        AND Generation = @Generation)
        RETURNING DeploymentId
    ),
    updated AS
    (
        UPDATE OrleansMembershipTable m
        SET Status = @Status,
            SuspectTimes = @SuspectTimes,
            IAmAliveTime = @IAmAliveTime
        FROM bumped
        WHERE m.DeploymentId = bumped.DeploymentId
          AND m.Address = @Address
          AND m.Port = @Port
          AND m.Generation = @Generation
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM updated);
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'UpdateIAmAlivetimeKey',
    $query$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address
      AND Port = @Port
      AND Generation = @Generation;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'GatewaysQueryKey',
    $query$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = @Status
      AND ProxyPort > 0;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteMembershipTableEntriesKey',
    $query$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'CleanupDefunctSiloEntriesKey',
    $query$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND IAmAliveTime < @IAmAliveTime
      AND Status = 6;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansProofsSchema (Version, Name) VALUES (3, 'orleans-clustering')
ON CONFLICT (Version) DO NOTHING;
