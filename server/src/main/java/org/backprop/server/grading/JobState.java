package org.backprop.server.grading;

/** Where a grading job is: waiting, held by a worker under a lease, graded, or given up on. */
public enum JobState { QUEUED, LEASED, DONE, FAILED }
