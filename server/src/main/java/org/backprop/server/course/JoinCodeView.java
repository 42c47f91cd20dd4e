package org.backprop.server.course;

/** The code with which students enrol in a course. */
public record JoinCodeView(String joinCode) {
}
