-- SPDX-License-Identifier: MIT
--
-- OrleansProofs: Orleans AdoNet reminders on PostgreSQL (schema version 4).
--
-- Microsoft.Orleans.Reminders.AdoNet (invariant "Npgsql") reads these query texts from OrleansQuery.
-- Parameters, bound by name: ServiceId (text), GrainId (text: the grain id's string form),
-- ReminderName (text), GrainHash, BeginHash, EndHash (int4: the grain's uniform hash reinterpreted
-- as signed), StartTime (timestamptz, UTC), Period (int4 or int8 milliseconds), Version (int4: etag).
-- Rows come back as GrainId, ReminderName, StartTime, Period (int8 ms) and Version.
--
--   ReadReminderRowsKey    a grain's reminders
--   ReadReminderRowKey     one reminder of a grain
--   ReadRangeRows1Key      reminders whose GrainHash is in (BeginHash, EndHash] (the provider uses it
--                          when BeginHash < EndHash as signed integers)
--   ReadRangeRows2Key      the wrapped ring range: GrainHash > BeginHash or GrainHash <= EndHash
--   UpsertReminderRowKey   insert or replace a reminder; returns its new Version (0 when new)
--   DeleteReminderRowKey   delete a reminder only while it holds @Version; one boolean: deleted
--   DeleteReminderRowsKey  delete every reminder of the service

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- The reminder service of each silo reads its share of the hash ring.
CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_grainhash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey',
    $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowKey',
    $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadRangeRows1Key',
    $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainHash > @BeginHash
      AND GrainHash <= @EndHash;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadRangeRows2Key',
    $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'UpsertReminderRowKey',
    $query$
    INSERT INTO OrleansRemindersTable AS r
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT ON CONSTRAINT pk_orleansreminderstable DO UPDATE
    SET StartTime = excluded.StartTime,
        Period = excluded.Period,
        GrainHash = excluded.GrainHash,
        Version = r.Version + 1
    RETURNING Version;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteReminderRowKey',
    $query$
    WITH deleted AS
    (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId
          AND GrainId = @GrainId
          AND ReminderName = @ReminderName
          AND Version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted);
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteReminderRowsKey',
    $query$
    DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
    $query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansProofsSchema (Version, Name) VALUES (4, 'orleans-reminders')
ON CONFLICT (Version) DO NOTHING;
