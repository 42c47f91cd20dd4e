-- Review of graded submissions: the scores TAs give rubric items (an append-only audit trail), which
-- assignments have their results published to students, and the regrade requests students make per item.

-- Every score a TA or instructor gives an item of a submission is a new row; the newest row of an item is the
-- score in force. Rows are never changed or deleted, so the trail always says who changed what, when and why.
create table review_score (
    id            bigserial primary key,
    submission_id bigint        not null references submission (id) on delete cascade,
    item_key      varchar(64)   not null,
    -- The points in force before this score: the automatic result's, an earlier score's, or none.
    old_points    numeric(8, 2),
    new_points    numeric(8, 2) not null check (new_points >= 0),
    comment       text          not null,
    scored_by     bigint        not null references account (id),
    scored_at     timestamptz   not null,
    check (old_points is null or length(trim(comment)) > 0)
);

create index review_score_item on review_score (submission_id, item_key, id);

create function refuse_review_score_change() returns trigger language plpgsql as $$
begin
    raise exception 'review scores are an audit trail and never change (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger review_score_append_only before update or delete on review_score
    for each row when (pg_trigger_depth() = 0) execute function refuse_review_score_change();

-- Students see an assignment's results only once an instructor has published them.
create table result_publication (
    assignment_id bigint      primary key references assignment (id) on delete cascade,
    published_by  bigint      not null references account (id),
    published_at  timestamptz not null
);

create table regrade_request (
    id            bigserial primary key,
    submission_id bigint       not null references submission (id) on delete cascade,
    item_key      varchar(64)  not null,
    requested_by  bigint       not null references account (id),
    reason        text         not null,
    requested_at  timestamptz  not null,
    state         varchar(8)   not null check (state in ('OPEN', 'ACCEPTED', 'DECLINED')),
    answered_by   bigint       references account (id),
    answered_at   timestamptz,
    answer        text,
    -- The score an accepted request gave, and the job a re-run queued.
    score_id      bigint       references review_score (id),
    rerun_job_id  bigint,
    check ((state = 'OPEN') = (answered_at is null))
);

create index regrade_request_submission on regrade_request (submission_id);
create index regrade_request_state on regrade_request (state, requested_at);
