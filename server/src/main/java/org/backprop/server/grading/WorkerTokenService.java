package org.backprop.server.grading;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.auth.Secrets;
import org.backprop.server.course.CourseAccess;

/**
 * Issues, lists and revokes worker tokens, and identifies the worker behind one. A course's instructors
 * manage its tokens; tokens for every course are the administrators'.
 */
@ApplicationScoped
public class WorkerTokenService {
    /** Starts every worker token, so that requests carrying one are recognised before any lookup. */
    public static final String PREFIX = "bpw_";

    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    Clock clock;

    @Transactional
    public WorkerTokenCreated create(NewWorkerToken request) {
        requireManager(request.courseId(), "create worker tokens");
        String secret = PREFIX + Secrets.token();
        WorkerToken token = new WorkerToken();
        token.name = request.name().strip();
        token.courseId = request.courseId();
        token.tokenHash = Secrets.sha256(secret);
        token.createdBy = me.id();
        token.createdAt = clock.instant();
        token.persist();
        return new WorkerTokenCreated(token.id, token.name, token.courseId, secret, token.createdAt);
    }

    /** Lists the tokens of a course, or with {@code courseId} null every token (administrators only). */
    @Transactional
    public Page<WorkerTokenView> list(Long courseId, PageParams paging) {
        requireManager(courseId, "see worker tokens");
        return Page.of(courseId == null ? WorkerToken.find("order by id")
                : WorkerToken.find("courseId = ?1 order by id", courseId), paging, WorkerTokenView::of);
    }

    /** Revokes a token: requests with it are refused from now on, and its leases can no longer post. */
    @Transactional
    public WorkerTokenView revoke(long tokenId) {
        WorkerToken token = WorkerToken.<WorkerToken>findByIdOptional(tokenId).orElseThrow(() ->
                ApiError.notFound("There is no worker token with id " + tokenId + "."));
        requireManager(token.courseId, "revoke worker tokens");
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
        return WorkerTokenView.of(token);
    }

    /** Returns the worker a token belongs to; fails with a message for the worker's operator. */
    @Transactional
    WorkerPrincipal identify(String secret) {
        WorkerToken token = WorkerToken.<WorkerToken>find("tokenHash", Secrets.sha256(secret)).firstResult();
        if (token == null || token.revokedAt != null) {
            throw new AuthenticationFailedException("This worker token is unknown or revoked. Ask an instructor for"
                    + " a new one.");
        }
        token.lastUsedAt = clock.instant();
        return new WorkerPrincipal(token.id, token.name, token.courseId);
    }

    private void requireManager(Long courseId, String toDoWhat) {
        if (courseId != null) {
            access.requireInstructor(courseId, toDoWhat);
        } else if (!me.isAdmin()) {
            throw ApiError.forbidden("Only administrators can " + toDoWhat + " for every course; instructors name"
                    + " their course with \"courseId\".");
        }
    }
}
