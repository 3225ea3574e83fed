-- OrleansProofs commitment log keyed by group (schema version 5). Version 2 keyed rows by
-- (network, height, chain): a block's rows still went to the end of the table, but each group's batch
-- (one transaction) inserted its members among every other group's rows of that height, so with 100
-- groups a block rewrote most pages of its height about 100 times (≈ 1.3 GB written per block at
-- 100,000 chains). With the group in the key, a group's batch fills a few adjacent pages.
-- Rows from version 4 carry no group: they get -1, which every lookup also tries, and they leave the
-- table with the retained horizon. The script runs in one transaction with its version row.
-- Payload layout: see ChainRecordBytes (src/OrleansProofs.Grains/Storage/ChainRecordBytes.cs).

CREATE TABLE OrleansProofsCommitmentsByGroup
(
    Network TEXT NOT NULL,
    Height INTEGER NOT NULL CHECK (Height >= 0),
    GroupId INTEGER NOT NULL CHECK (GroupId >= -1 AND GroupId <= 4294967295),
    ChainId BLOB NOT NULL CHECK (length(ChainId) = 32),
    Record BLOB NOT NULL,
    PRIMARY KEY (Network, Height, GroupId, ChainId)
) WITHOUT ROWID;

INSERT INTO OrleansProofsCommitmentsByGroup (Network, Height, GroupId, ChainId, Record)
SELECT Network, Height, -1, ChainId, Record FROM OrleansProofsCommitments;

DROP TABLE OrleansProofsCommitments;

ALTER TABLE OrleansProofsCommitmentsByGroup RENAME TO OrleansProofsCommitments;

INSERT OR REPLACE INTO OrleansProofsSchema (Version, Name, AppliedOn)
VALUES (5, 'commitment-log-by-group', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
