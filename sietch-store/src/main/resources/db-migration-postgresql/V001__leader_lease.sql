-- PostgreSQL schema (several instances on one database). Migrations here are PostgreSQL's own
-- history, separate from the SQLite one in db-migration/.
--
-- The leader's lease: the instance named in holder runs the scheduler, the indexer and the Discord
-- gateway until expires_at (the database's clock, so the instances' clocks do not matter). Every
-- new term gets a higher epoch: work done for the leader carries it and is refused once a newer
-- term exists (fencing).
CREATE TABLE leader_lease (
    name       TEXT        PRIMARY KEY,
    holder     TEXT        NOT NULL,
    epoch      BIGINT      NOT NULL CHECK (epoch >= 1),
    acquired_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
