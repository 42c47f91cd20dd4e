-- Pretrained models a course publishes: saved-model bytes stored by their SHA-256 next to the dataset shards (the
-- same content-addressed store, so every path that moves shards by hash moves models too) and what staff and
-- students see of them without downloading.
create table pretrained_model (
    id              bigserial primary key,
    course_id       bigint        not null references course (id) on delete cascade,
    name            varchar(100)  not null,
    version         varchar(100)  not null,
    sha256          varchar(64)   not null,
    bytes           bigint        not null,
    parameter_count bigint        not null,
    input_shape     varchar(200)  not null,
    summary         text          not null,
    created_by      bigint        not null references account (id),
    created_at      timestamptz   not null,
    unique (course_id, name, version)
);

create index pretrained_model_sha256 on pretrained_model (sha256);
