-- Team submissions: immutable snapshots whose files live in a content-addressed blob folder on disk
-- (named by their SHA-256); these rows say which blob is which file of which snapshot.
create table submission (
    id                bigserial primary key,
    assignment_id     bigint      not null references assignment (id) on delete cascade,
    team_id           bigint      not null references team (id),
    version           integer     not null check (version >= 1),
    submitted_by      bigint      not null references account (id),
    received_at       timestamptz not null,
    content_hash      varchar(64) not null,
    credit_percent    integer     not null check (credit_percent between 0 and 100),
    late_seconds      bigint      not null check (late_seconds >= 0),
    extension_seconds bigint      not null check (extension_seconds >= 0),
    total_bytes       bigint      not null,
    unique (assignment_id, team_id, version)
);

create index submission_team on submission (team_id, assignment_id);

create table submission_file (
    submission_id bigint       not null references submission (id) on delete cascade,
    path          varchar(300) not null,
    kind          varchar(10)  not null check (kind in ('SOURCE', 'RUNS', 'REPORT', 'WEIGHTS')),
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    primary key (submission_id, path)
);

-- Snapshots are evidence: once written they never change, whatever the application does.
create function refuse_submission_update() returns trigger language plpgsql as $$
begin
    raise exception 'submissions are immutable (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger submission_immutable before update on submission
    for each row execute function refuse_submission_update();
create trigger submission_file_immutable before update on submission_file
    for each row execute function refuse_submission_update();
