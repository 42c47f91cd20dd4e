package org.backprop.server.course;

/** A roster line that was not imported, and why; {@code line} counts from 1, the header included. */
public record RosterError(int line, String detail) {
}
