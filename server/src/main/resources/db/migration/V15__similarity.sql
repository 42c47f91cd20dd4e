-- Code similarity between the teams of an assignment (JPlag), computed on demand by staff. Each run is kept whole as
-- JSON (pairs with their matched regions, as the review desk shows them); the newest row of an assignment is its
-- report, older ones stay as the history of what staff saw.
create table similarity_report (
    id                  bigserial   primary key,
    assignment_id       bigint      not null references assignment (id) on delete cascade,
    computed_at         timestamptz not null,
    computed_by         bigint      not null references account (id),
    minimum_token_match integer     not null check (minimum_token_match > 0),
    submissions         integer     not null check (submissions >= 0),
    pairs_json          text        not null
);

create index similarity_report_assignment on similarity_report (assignment_id, computed_at desc, id desc);
