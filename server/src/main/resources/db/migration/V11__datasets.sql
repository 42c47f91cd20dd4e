-- Datasets of a course: the manifest and the shards live in the dataset folder on disk, named by their SHA-256;
-- a row is committed only after all of them are stored, so every row names complete data.
create table dataset (
    id              bigserial primary key,
    course_id       bigint       not null references course (id) on delete cascade,
    name            varchar(100) not null,
    version         varchar(100) not null,
    manifest_sha256 varchar(64)  not null,
    created_by      bigint       not null references account (id),
    created_at      timestamptz  not null,
    unique (course_id, name, version)
);

-- Which shards a dataset holds and whether they belong to its hidden split: the shard endpoint decides from
-- these rows alone who may fetch a shard, which can belong to several datasets.
create table dataset_shard (
    dataset_id bigint       not null references dataset (id) on delete cascade,
    sha256     varchar(64)  not null,
    split      varchar(100) not null,
    hidden     boolean      not null,
    primary key (dataset_id, split, sha256)
);

create index dataset_shard_sha256 on dataset_shard (sha256);
