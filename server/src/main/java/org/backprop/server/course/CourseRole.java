package org.backprop.server.course;

/** What a person may do in one course. */
public enum CourseRole { STUDENT, TA, INSTRUCTOR }
