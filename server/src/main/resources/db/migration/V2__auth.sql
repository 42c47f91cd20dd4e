-- Browser sessions and API tokens. Only SHA-256 hashes of their secrets are stored, so a copy of these
-- tables does not let anyone sign in.
create table auth_session (
    id         bigserial primary key,
    account_id bigint      not null references account (id) on delete cascade,
    token_hash varchar(64) not null unique,
    -- Not a credential on its own: it only proves that a request came from a page that read it.
    csrf_token varchar(64) not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);

create index auth_session_account on auth_session (account_id);

create table api_token (
    id         bigserial primary key,
    account_id bigint       not null references account (id) on delete cascade,
    name       varchar(100) not null,
    token_hash varchar(64)  not null unique,
    created_at timestamptz  not null default now(),
    expires_at timestamptz  not null
);

create index api_token_account on api_token (account_id);
