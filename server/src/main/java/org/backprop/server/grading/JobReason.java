package org.backprop.server.grading;

/** Why a job was queued: a submission was accepted, or staff asked for a regrade. */
public enum JobReason { SUBMISSION, REGRADE }
