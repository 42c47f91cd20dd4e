-- Accounts, courses and who takes part in which course with which role.
create table account (
    id            bigserial primary key,
    email         varchar(320) not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    admin         boolean      not null default false,
    created_at    timestamptz  not null default now()
);

create table course (
    id         bigserial primary key,
    code       varchar(40)  not null unique,
    title      varchar(200) not null,
    time_zone  varchar(64)  not null,
    created_at timestamptz  not null default now()
);

create table course_member (
    course_id  bigint      not null references course (id) on delete cascade,
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(20) not null check (role in ('STUDENT', 'TA', 'INSTRUCTOR')),
    primary key (course_id, account_id)
);

create index course_member_account on course_member (account_id);
