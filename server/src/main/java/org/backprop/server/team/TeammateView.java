package org.backprop.server.team;

/** A student as other students see them: a name, no email. */
public record TeammateView(long accountId, String name) {
}
