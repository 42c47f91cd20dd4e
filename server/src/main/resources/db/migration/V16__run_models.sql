-- The model a run's program saved after the run's fit ended (model.save), kept beside the run in the team's
-- experiment log: at most one per run, and a later save replaces it. The bytes live in the blob store under their
-- SHA-256, as submitted files do; the run itself stays immutable.
create table run_model (
    run_id     bigint       primary key references experiment_run (id) on delete cascade,
    -- As Model.save accepts it (SavedModels.checkName): a safe file name everywhere.
    name       text         not null check (name ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$'),
    sha256     varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes bigint       not null check (size_bytes > 0),
    -- The account whose session sent it: the run's member, the only one allowed to.
    account_id bigint       not null references account (id),
    saved_at   timestamptz  not null
);
