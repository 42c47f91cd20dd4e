package org.backprop.server.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.backprop.server.account.Account;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.course.CourseAccess;

/** Lists the placements made in a team set, newest first, for the course staff. */
@ApplicationScoped
public class TeamAuditService {
    @Inject
    CourseAccess access;

    @Transactional
    public Page<TeamAuditView> list(long setId, PageParams paging) {
        TeamSet set = TeamSetService.find(setId);
        access.requireStaff(set.courseId, "see who was moved between teams");
        return Page.of(TeamAudit.<TeamAudit>find("teamSetId = ?1 order by id desc", setId), paging,
                entry -> new TeamAuditView(entry.id, entry.accountId,
                        Account.<Account>findById(entry.accountId).displayName, entry.action.name(),
                        entry.fromTeamId, entry.fromTeam, entry.toTeamId, entry.toTeam, entry.actorId, entry.seed,
                        entry.occurredAt));
    }
}
