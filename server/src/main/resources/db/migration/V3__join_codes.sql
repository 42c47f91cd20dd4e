-- Students enrol themselves with a course's join code; instructors rotate it when it leaks.
alter table course add column join_code varchar(16) unique;
update course set join_code = upper(substr(md5(random()::text || id::text), 1, 8));
alter table course alter column join_code set not null;
