-- The hidden Java tests of an assignment's "tests" items, as imported from its folder (e.g. hidden/ModelTest.java).
-- Staff data: only grading workers receive them; no endpoint serves them to students.
create table hidden_test_file (
    assignment_id bigint       not null references assignment (id) on delete cascade,
    path          varchar(300) not null,
    content       text         not null,
    primary key (assignment_id, path)
);
