package org.backprop.server.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.backprop.server.api.ApiError;
import org.backprop.server.auth.AuthConfig;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.auth.Secrets;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseMember;

/**
 * Hands out password setup links for the accounts a roster import created without a password. There is no
 * mail server: the instructor passes the links on. Accounts that have a password get none, since a link
 * would let whoever holds it take the account over.
 */
@ApplicationScoped
public class PasswordLinkService {
    /** Where the web page reads the token from: the fragment, which browsers never send to any server. */
    static final String LINK_PATH = "/#password-setup=";

    @Inject
    CourseAccess access;

    @Inject
    CurrentAccount me;

    @Inject
    AuthConfig config;

    @Inject
    Clock clock;

    /** Issues a new link for one member; earlier unused links of theirs stop working. */
    @Transactional
    public PasswordLinkView issue(long courseId, long accountId) {
        access.requireInstructor(courseId, "hand out password setup links");
        Account account = CourseMember.membership(courseId, accountId).map(member -> member.account)
                .orElseThrow(() -> ApiError.notFound("Account " + accountId + " is not a member of this course."));
        if (!PasswordHasher.NO_PASSWORD.equals(account.passwordHash)) {
            throw ApiError.conflict(account.email + " has chosen a password already and signs in with it. If they"
                    + " forgot it, an administrator can help.");
        }
        return newLink(account);
    }

    /** Issues a new link for every member of the course without a password. */
    @Transactional
    public PasswordLinks issueForRoster(long courseId) {
        access.requireInstructor(courseId, "hand out password setup links");
        List<CourseMember> members = CourseMember.<CourseMember>find(
                "key.courseId = ?1 order by account.displayName, key.accountId", courseId).list();
        List<PasswordLinkView> links = members.stream()
                .map(member -> member.account)
                .filter(account -> PasswordHasher.NO_PASSWORD.equals(account.passwordHash))
                .map(this::newLink)
                .toList();
        return new PasswordLinks(links, members.size() - links.size());
    }

    private PasswordLinkView newLink(Account account) {
        PasswordSetup.forgetUnused(account.id);
        String token = Secrets.token();
        PasswordSetup setup = new PasswordSetup();
        setup.accountId = account.id;
        setup.tokenHash = Secrets.sha256(token);
        setup.issuedBy = me.id();
        setup.createdAt = clock.instant();
        setup.expiresAt = setup.createdAt.plus(config.passwordSetupLifetime());
        setup.persist();
        return new PasswordLinkView(account.id, account.email, account.displayName, link(token), setup.expiresAt);
    }

    private String link(String token) {
        String base = config.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + LINK_PATH + token;
    }
}
