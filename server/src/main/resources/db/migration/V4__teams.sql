-- Team sets (e.g. the homework teams of one term), their teams and who is in which team.
create table team_set (
    id                  bigserial primary key,
    course_id           bigint       not null references course (id) on delete cascade,
    name                varchar(100) not null,
    min_size            integer      not null check (min_size >= 1),
    max_size            integer      not null,
    selection_closes_at timestamptz  not null,
    created_at          timestamptz  not null default now(),
    unique (course_id, name),
    check (max_size >= min_size)
);

create table team (
    id          bigserial primary key,
    team_set_id bigint       not null references team_set (id) on delete cascade,
    name        varchar(100) not null,
    join_code   varchar(16)  not null unique,
    created_at  timestamptz  not null default now(),
    unique (team_set_id, name),
    -- Lets team_member refer to (team, set) so that a member's set always matches the team's.
    unique (id, team_set_id)
);

-- The set is repeated here so that the primary key allows one team per student and set.
create table team_member (
    team_set_id bigint      not null,
    account_id  bigint      not null references account (id) on delete cascade,
    team_id     bigint      not null,
    joined_at   timestamptz not null default now(),
    primary key (team_set_id, account_id),
    foreign key (team_id, team_set_id) references team (id, team_set_id) on delete cascade
);

create index team_member_team on team_member (team_id);
