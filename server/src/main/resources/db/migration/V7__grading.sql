-- The grading queue: jobs leased by workers with FOR UPDATE SKIP LOCKED, each lease an attempt; the results
-- workers post; and the tokens remote workers authenticate with.

-- A worker token lets a grading worker lease jobs and post results, and nothing else. Only the SHA-256 of
-- its secret is kept. A token of a course leases only that course's jobs; one without a course (created by
-- an administrator) leases every course's.
create table worker_token (
    id           bigserial primary key,
    name         varchar(100) not null,
    course_id    bigint       references course (id) on delete cascade,
    token_hash   varchar(64)  not null unique,
    created_by   bigint       references account (id) on delete set null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    -- Revoked tokens stay so that the attempts they made keep saying who made them.
    revoked_at   timestamptz
);

create index worker_token_course on worker_token (course_id);

create table grading_job (
    id               bigserial primary key,
    -- No foreign keys to submissions and assignments yet: they arrive in a migration of their own, which
    -- adds them.
    submission_id    bigint       not null,
    assignment_id    bigint       not null,
    team_id          bigint       not null,
    course_id        bigint       not null references course (id) on delete cascade,
    reason           varchar(12)  not null check (reason in ('SUBMISSION', 'REGRADE')),
    requested_by     bigint       references account (id) on delete set null,
    -- Higher first; jobs of equal priority in the order they were queued.
    priority         integer      not null default 0,
    state            varchar(8)   not null check (state in ('QUEUED', 'LEASED', 'DONE', 'FAILED')),
    attempts         integer      not null default 0 check (attempts >= 0),
    lease_id         uuid,
    lease_owner      varchar(200),
    lease_expires_at timestamptz,
    heartbeat_at     timestamptz,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    last_error       text,
    check ((state = 'LEASED') = (lease_id is not null and lease_expires_at is not null))
);

-- What a lease scans: the jobs that may be leased, in lease order.
create index grading_job_leasable on grading_job (priority desc, created_at, id) where state in ('QUEUED', 'LEASED');
create index grading_job_course_state on grading_job (course_id, state);
create index grading_job_submission on grading_job (submission_id);

-- One row per lease: who held the job, until when, and how the attempt ended.
create table grading_attempt (
    lease_id        uuid         primary key,
    job_id          bigint       not null references grading_job (id) on delete cascade,
    attempt         integer      not null,
    -- Null for the server's own in-process worker.
    worker_token_id bigint       references worker_token (id) on delete set null,
    owner           varchar(200) not null,
    leased_at       timestamptz  not null,
    ended_at        timestamptz,
    outcome         varchar(8)   check (outcome in ('RESULT', 'FAILURE', 'EXPIRED')),
    error           text,
    logs            text,
    unique (job_id, attempt)
);

-- One result per job; the lease that posted it makes a repeated post recognisable.
create table grading_result (
    id            bigserial primary key,
    job_id        bigint      not null unique references grading_job (id) on delete cascade,
    submission_id bigint      not null,
    lease_id      uuid        not null references grading_attempt (lease_id),
    summary       text        not null,
    logs          text        not null,
    created_at    timestamptz not null
);

create index grading_result_submission on grading_result (submission_id);

create table grading_result_item (
    result_id  bigint       not null references grading_result (id) on delete cascade,
    position   integer      not null,
    item_key   varchar(100) not null,
    verdict    varchar(12)  not null check (verdict in ('PASSED', 'PARTIAL', 'FAILED', 'NEEDS_REVIEW')),
    -- Null while a TA must decide.
    points     numeric(8, 2),
    max_points numeric(8, 2) not null check (max_points >= 0),
    message    text         not null,
    visibility varchar(9)   not null check (visibility in ('VISIBLE', 'AFTER_DUE', 'HIDDEN')),
    primary key (result_id, item_key),
    unique (result_id, position),
    check ((verdict = 'NEEDS_REVIEW') = (points is null)),
    check (points is null or (points >= 0 and points <= max_points))
);
