-- The team's experiment log: every run record a member's program produced, as the browser sent it when the fit
-- ended. A record is a claim (the grader re-runs and compares); who ran it is the session's account and when is
-- the server's clock, never what the body says. Submissions name the log's runs they hand in.
create table experiment_run (
    id            bigserial primary key,
    team_id       bigint       not null references team (id) on delete cascade,
    assignment_id bigint       not null references assignment (id) on delete cascade,
    account_id    bigint       not null references account (id),
    recorded_at   timestamptz  not null,
    -- The SHA-256 of the source snapshot the browser says produced the run; null when it did not say.
    source_sha256 varchar(64)  check (source_sha256 ~ '^[0-9a-f]{64}$'),
    name          text         not null,
    -- A JSON array of strings, e.g. ["baseline"] or ["ablation:no-augmentation"].
    tags          text         not null,
    seed          bigint       not null,
    -- Copied out of the record so that lists need not parse whole records.
    dataset_name  text         not null,
    backend       text         not null,
    device        text         not null,
    final_metrics text         not null,
    record_json   text         not null,
    -- Of record_json's UTF-8 bytes: what a submission's content hash covers for the runs it names.
    record_sha256 varchar(64)  not null,
    size_bytes    integer      not null check (size_bytes > 0)
);

create index experiment_run_team on experiment_run (team_id, assignment_id, id);

-- A run is evidence once recorded, as a snapshot is: it never changes.
create function refuse_experiment_run_update() returns trigger language plpgsql as $$
begin
    raise exception 'runs of the experiment log are immutable (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger experiment_run_immutable before update on experiment_run
    for each row execute function refuse_experiment_run_update();

-- The runs a submission hands in, in the order the team named them.
create table submission_run (
    submission_id bigint  not null references submission (id) on delete cascade,
    position      integer not null check (position >= 0),
    run_id        bigint  not null references experiment_run (id),
    primary key (submission_id, position),
    unique (submission_id, run_id)
);

create index submission_run_run on submission_run (run_id);

create trigger submission_run_immutable before update on submission_run
    for each row execute function refuse_submission_update();

-- Submissions no longer carry a hand-written runs.json: the grader believed it, and it now reads the runs a
-- submission names from the log instead. Such files of earlier submissions were never evidence and no code reads
-- them any more; their submissions keep the content hash they were acknowledged with.
delete from submission_file where kind = 'RUNS';
alter table submission_file drop constraint submission_file_kind_check;
alter table submission_file add constraint submission_file_kind_check
    check (kind in ('SOURCE', 'REPORT', 'WEIGHTS'));
