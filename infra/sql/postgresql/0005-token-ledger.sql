-- SPDX-License-Identifier: MIT
--
-- OrleansProofs token ledger on PostgreSQL (schema version 5): the node's own implementation of the
-- token adapter (ITokenLedger; semantics in docs/ledger.md). Amounts are integer base units (the
-- token's name and decimals are configuration, display only). Every movement is one transaction,
-- serialized by a transaction-level advisory lock (PostgresTokenLedger), that appends one journal row
-- and changes balances and bonds; a movement id appears at most once in the journal, which makes
-- every movement idempotent by its id.

-- The append-only journal. Sequence is allocated under the ledger's lock, so it increases in commit
-- order (a rolled-back movement leaves a gap). Kind: 1 credit, 2 create-bond, 3 release-bond,
-- 4 slash-bond, 5 pay-reward. Purpose: 1 chain registration, 2 checkpoint. Reason: 1 availability
-- challenge, 2 invalid checkpoint, 3 failed-audit threshold. RecordedAt: Unix milliseconds.
CREATE TABLE IF NOT EXISTS OrleansProofsLedgerJournal
(
    Sequence   bigint   GENERATED ALWAYS AS IDENTITY,
    MovementId text     NOT NULL,
    Kind       smallint NOT NULL CONSTRAINT ck_orleansproofsledgerjournal_kind CHECK (Kind BETWEEN 1 AND 5),
    Account    text     NOT NULL,
    Amount     bigint   NOT NULL CONSTRAINT ck_orleansproofsledgerjournal_amount CHECK (Amount > 0),
    BondId     text     NULL,
    Purpose    smallint NULL,
    Reason     smallint NULL,
    RecordedAt bigint   NOT NULL,
    CONSTRAINT pk_orleansproofsledgerjournal PRIMARY KEY (Sequence),
    CONSTRAINT uq_orleansproofsledgerjournal_movementid UNIQUE (MovementId)
);

-- Append-only: the database itself refuses to change or remove a journal row (TRUNCATE included).
CREATE OR REPLACE FUNCTION orleansproofs_ledger_journal_append_only() RETURNS trigger
LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the ledger journal is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

DROP TRIGGER IF EXISTS tr_orleansproofsledgerjournal_append_only ON OrleansProofsLedgerJournal;
CREATE TRIGGER tr_orleansproofsledgerjournal_append_only
    BEFORE UPDATE OR DELETE ON OrleansProofsLedgerJournal
    FOR EACH ROW EXECUTE FUNCTION orleansproofs_ledger_journal_append_only();

DROP TRIGGER IF EXISTS tr_orleansproofsledgerjournal_no_truncate ON OrleansProofsLedgerJournal;
CREATE TRIGGER tr_orleansproofsledgerjournal_no_truncate
    BEFORE TRUNCATE ON OrleansProofsLedgerJournal
    FOR EACH STATEMENT EXECUTE FUNCTION orleansproofs_ledger_journal_append_only();

-- Spendable balances (bonded tokens are not in them). The CHECK is the last line of defence behind
-- the guarded UPDATE (Balance >= amount): no balance is ever negative.
CREATE TABLE IF NOT EXISTS OrleansProofsLedgerBalances
(
    Account text   NOT NULL,
    Balance bigint NOT NULL CONSTRAINT ck_orleansproofsledgerbalances_balance CHECK (Balance >= 0),
    CONSTRAINT pk_orleansproofsledgerbalances PRIMARY KEY (Account)
);

-- Bonds: the id is the movement id of the create-bond movement. State: 1 active, 2 released, 3 slashed.
CREATE TABLE IF NOT EXISTS OrleansProofsLedgerBonds
(
    BondId          text     NOT NULL,
    Account         text     NOT NULL,
    Purpose         smallint NOT NULL,
    Amount          bigint   NOT NULL CONSTRAINT ck_orleansproofsledgerbonds_amount CHECK (Amount > 0),
    State           smallint NOT NULL CONSTRAINT ck_orleansproofsledgerbonds_state CHECK (State BETWEEN 1 AND 3),
    SlashedAmount   bigint   NOT NULL DEFAULT 0
        CONSTRAINT ck_orleansproofsledgerbonds_slashed CHECK (SlashedAmount >= 0 AND SlashedAmount <= Amount),
    CreatedSequence bigint   NOT NULL,
    CONSTRAINT pk_orleansproofsledgerbonds PRIMARY KEY (BondId)
);

CREATE INDEX IF NOT EXISTS ix_orleansproofsledgerbonds_account ON OrleansProofsLedgerBonds (Account, CreatedSequence);

INSERT INTO OrleansProofsSchema (Version, Name) VALUES (5, 'token-ledger')
ON CONFLICT (Version) DO NOTHING;
