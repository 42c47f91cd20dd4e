/**
 * What the grader knows for itself about a submission, and how the team's claims stand against it: the server's
 * own run of the submitted code ({@link org.backprop.grader.evidence.ServerRun}), which handed-in runs it re-ran
 * ({@link org.backprop.grader.evidence.RerunSelection}), and for each handed-in run whether the code produced it
 * ({@link org.backprop.grader.evidence.ClaimMatcher}). The checks read these, never a claim alone.
 */
package org.backprop.grader.evidence;
