-- Sign-in protection, password setup links and the audit trail of team placements.

-- One row per counted event (a failed sign-in, a compile) in a named bucket such as
-- 'sign-in-account:kim@uni.ac.kr'; rows older than a bucket's window are swept as new ones arrive.
-- Kept in PostgreSQL so that every server replica counts against the same limit.
create table rate_limit_event (
    id          bigserial primary key,
    bucket      varchar(400) not null,
    occurred_at timestamptz  not null
);

create index rate_limit_event_bucket on rate_limit_event (bucket, occurred_at);

-- One-time links with which roster-created accounts choose their first password. Only the SHA-256 of the
-- token is stored; a used link keeps its row so that a second click can be told apart from a bad link.
create table password_setup (
    id         bigserial primary key,
    account_id bigint      not null references account (id) on delete cascade,
    token_hash varchar(64) not null unique,
    issued_by  bigint      references account (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index password_setup_account on password_setup (account_id);

-- Every placement an instructor or the server makes after selection: a move, a random fill or a balance.
-- Team names are copied because a team left empty is removed.
create table team_audit (
    id           bigserial primary key,
    team_set_id  bigint       not null references team_set (id) on delete cascade,
    account_id   bigint       not null references account (id) on delete cascade,
    action       varchar(20)  not null check (action in ('MOVE', 'FILL', 'BALANCE')),
    from_team_id bigint,
    from_team    varchar(100),
    to_team_id   bigint,
    to_team      varchar(100),
    actor_id     bigint       references account (id) on delete set null,
    seed         bigint,
    occurred_at  timestamptz  not null
);

create index team_audit_set on team_audit (team_set_id, id);
