package org.backprop.server.experiment;

/** The member who ran a run: the account whose session sent it, and its display name. */
public record RunMember(long accountId, String name) {
}
