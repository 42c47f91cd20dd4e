package org.backprop.server.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;

/**
 * What students do while selection is open: create a team, join one from the list or with its code, and
 * leave. A team without members is removed. Every seat taken or given up locks the team's row first,
 * so a team never grows past the set's maximum however many students try at once.
 */
@ApplicationScoped
public class TeamService {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    Clock clock;

    @Transactional
    public Page<TeamView> list(long setId, PageParams paging) {
        TeamSet set = TeamSetService.find(setId);
        access.requireMember(set.courseId);
        boolean staff = me.isAdmin() || access.role(set.courseId).filter(role -> role != CourseRole.STUDENT).isPresent();
        Long myTeam = TeamMember.seat(setId, me.id()).map(seat -> seat.teamId).orElse(null);
        return Page.of(Team.find("teamSetId = ?1 order by name, id", setId), paging,
                (Team team) -> TeamViews.of(team, set, staff || team.id.equals(myTeam)));
    }

    @Transactional
    public TeamView create(long setId, String name) {
        TeamSet set = openSetForStudent(setId);
        requireNoTeam(set);
        String teamName = name.strip();
        if (Team.count("teamSetId = ?1 and lower(name) = ?2", setId, teamName.toLowerCase(Locale.ROOT)) > 0) {
            throw ApiError.conflict("There is a team named \"" + teamName + "\" already. Pick another name, or join"
                    + " that team.");
        }
        Team team = new Team();
        team.teamSetId = setId;
        team.name = teamName;
        team.joinCode = TeamViews.newJoinCode();
        team.persist();
        TeamMember.of(setId, me.id(), team.id).persistAndFlush();
        return TeamViews.of(team, set, true);
    }

    @Transactional
    public TeamView join(long setId, long teamId) {
        TeamSet set = openSetForStudent(setId);
        requireNoTeam(set);
        Team team = Team.lockInSet(setId, teamId).orElseThrow(() -> ApiError.notFound("There is no team with id "
                + teamId + " in \"" + set.name + "\"."));
        return takeSeat(set, team);
    }

    @Transactional
    public TeamView joinWithCode(long setId, String code) {
        TeamSet set = openSetForStudent(setId);
        requireNoTeam(set);
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        Long teamId = Team.<Team>find("teamSetId = ?1 and joinCode = ?2", setId, normalized).firstResultOptional()
                .map(team -> team.id)
                .orElseThrow(() -> ApiError.notFound("No team in \"" + set.name + "\" has the code " + normalized
                        + ". Ask your teammates for it again."));
        return takeSeat(set, Team.lockInSet(setId, teamId).orElseThrow(() -> ApiError.notFound(
                "That team was just removed. Pick another team.")));
    }

    @Transactional
    public TeamView mine(long setId) {
        TeamSet set = TeamSetService.find(setId);
        access.requireMember(set.courseId);
        TeamMember seat = TeamMember.seat(setId, me.id()).orElseThrow(() -> ApiError.notFound(
                "You are not in a team in \"" + set.name + "\" yet."));
        return TeamViews.of(Team.findById(seat.teamId), set, true);
    }

    @Transactional
    public void leave(long setId) {
        TeamSet set = openSetForStudent(setId);
        TeamMember seat = TeamMember.seat(setId, me.id()).orElseThrow(() -> ApiError.conflict(
                "You are not in a team in \"" + set.name + "\", so there is nothing to leave."));
        Team team = Team.lockInSet(setId, seat.teamId).orElseThrow();
        seat.delete();
        if (team.size() == 0) {
            team.delete();
        }
    }

    private TeamView takeSeat(TeamSet set, Team team) {
        long size = team.size();
        if (size >= set.maxSize) {
            throw ApiError.conflict("Team \"" + team.name + "\" is full (" + size + " of " + set.maxSize
                    + " members). Pick another team or create one.");
        }
        TeamMember.of(set.id, me.id(), team.id).persistAndFlush();
        return TeamViews.of(team, set, true);
    }

    private TeamSet openSetForStudent(long setId) {
        TeamSet set = TeamSetService.lockShared(setId);
        access.requireMember(set.courseId);
        if (access.role(set.courseId).filter(role -> role == CourseRole.STUDENT).isEmpty()) {
            throw ApiError.forbidden("Only students pick teams. Staff place students with PUT /api/team-sets/"
                    + setId + "/placements/{accountId} once selection has closed.");
        }
        if (!set.selectionOpen(clock.instant())) {
            throw ApiError.conflict("Team selection for \"" + set.name + "\" closed at "
                    + TeamSetService.closing(set) + ". Ask your instructor to place you in a team.");
        }
        return set;
    }

    private void requireNoTeam(TeamSet set) {
        TeamMember.seat(set.id, me.id()).ifPresent(seat -> {
            Team team = Team.findById(seat.teamId);
            throw ApiError.conflict("You are already in team \"" + team.name + "\". Leave it first.");
        });
    }
}
