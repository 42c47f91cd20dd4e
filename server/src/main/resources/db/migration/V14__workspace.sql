-- The teams' workspaces: the files a team edits in the browser for an assignment, and each member's report draft.

-- One row per team and assignment, written when the workspace is first opened and seeded from the starter files.
-- Every change to the workspace's files locks this row first, so that changes to one workspace (a rename touches two
-- paths) happen one after the other and none is lost.
create table workspace (
    team_id       bigint      not null references team (id) on delete cascade,
    assignment_id bigint      not null references assignment (id) on delete cascade,
    seeded_at     timestamptz not null,
    primary key (team_id, assignment_id)
);

-- Every revision of every file ever saved, never changed: a file's current state is its highest revision. A revision
-- without content is a deletion (a tombstone), so that a teammate still editing the old revision gets a conflict
-- rather than bringing the file back without knowing. Revisions from the starter files have no author or time.
create table workspace_file_revision (
    team_id       bigint      not null,
    assignment_id bigint      not null,
    path          text        not null,
    revision      integer     not null check (revision > 0),
    content       text,
    updated_by    bigint      references account (id),
    updated_at    timestamptz,
    primary key (team_id, assignment_id, path, revision),
    foreign key (team_id, assignment_id) references workspace (team_id, assignment_id) on delete cascade,
    check ((updated_by is null) = (updated_at is null))
);

create function refuse_workspace_revision_update() returns trigger language plpgsql as $$
begin
    raise exception 'revisions of workspace files are immutable (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger workspace_file_revision_immutable before update on workspace_file_revision
    for each row execute function refuse_workspace_revision_update();

-- A member's draft of their report for an assignment; it needs no team. Saved over only from the revision it was
-- read at (an update "where revision = base"), so that two tabs of one member cannot overwrite each other.
create table report_draft (
    account_id    bigint      not null references account (id) on delete cascade,
    assignment_id bigint      not null references assignment (id) on delete cascade,
    markdown      text        not null,
    revision      integer     not null check (revision > 0),
    updated_at    timestamptz not null,
    primary key (account_id, assignment_id)
);
