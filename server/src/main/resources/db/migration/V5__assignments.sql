-- Assignments published from assignments/<slug>/assignment.yaml, their late-credit timelines, rubric items,
-- starter files, and the extensions staff grant. Every instant is UTC (timestamptz); the API adds the
-- course's zone when it shows them.
create table assignment (
    id            bigserial primary key,
    course_id     bigint       not null references course (id) on delete cascade,
    slug          varchar(64)  not null,
    title         varchar(200) not null,
    summary       text         not null,
    -- Submissions belong to the teams of this set.
    team_set_id   bigint       not null references team_set (id),
    main_class    varchar(200) not null,
    due_at        timestamptz  not null,
    -- The validated spec as JSON: what the grader reads (datasets, rubric parameters).
    spec_json     text         not null,
    spec_sha256   varchar(64)  not null,
    imported_at   timestamptz  not null,
    updated_at    timestamptz  not null,
    unique (course_id, slug)
);

-- After the due time credit falls step by step: a submission up to "until_seconds" after the due time earns
-- "credit_percent"; after the last step the assignment is closed.
create table late_credit_step (
    id             bigserial primary key,
    assignment_id  bigint  not null references assignment (id) on delete cascade,
    position       integer not null,
    until_seconds  bigint  not null check (until_seconds > 0),
    credit_percent integer not null check (credit_percent between 0 and 100),
    unique (assignment_id, position)
);

create table rubric_item (
    id            bigserial primary key,
    assignment_id bigint        not null references assignment (id) on delete cascade,
    item_key      varchar(64)   not null,
    position      integer       not null,
    points        numeric(7, 2) not null check (points >= 0),
    description   text          not null,
    check_name    varchar(40)   not null,
    params_json   text          not null,
    unique (assignment_id, item_key)
);

create table starter_file (
    assignment_id bigint       not null references assignment (id) on delete cascade,
    path          varchar(300) not null,
    content       text         not null,
    primary key (assignment_id, path)
);

-- Append-only: the newest row for a team or a student is the extension in force, the older ones are the
-- audit trail (who granted what, when and why). Withdrawing an extension is a new row of 0 seconds.
create table extension (
    id            bigserial primary key,
    assignment_id bigint      not null references assignment (id) on delete cascade,
    team_id       bigint      references team (id) on delete cascade,
    account_id    bigint      references account (id) on delete cascade,
    extra_seconds bigint      not null check (extra_seconds >= 0),
    reason        text        not null,
    granted_by    bigint      not null references account (id),
    granted_at    timestamptz not null,
    check ((team_id is null) <> (account_id is null))
);

create index extension_assignment on extension (assignment_id, granted_at);
