package org.backprop.server.workspace;

/** A member who saved something: the account and its display name. */
public record Author(long id, String name) {
}
