package org.backprop.server.grading;

/** How a lease ended: the worker posted a result, reported a failure, or stopped answering until it expired. */
public enum AttemptOutcome { RESULT, FAILURE, EXPIRED }
