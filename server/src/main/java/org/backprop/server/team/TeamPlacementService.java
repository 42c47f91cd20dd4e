package org.backprop.server.team;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.backprop.server.account.Account;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;

/**
 * What the instructor does once selection has closed: move students between teams and fill the
 * unassigned into teams at random, each placement with an audit entry. Each operation locks the set's
 * row, so they run one at a time.
 */
@ApplicationScoped
public class TeamPlacementService {
    private static final String UNASSIGNED = "key.courseId = ?1 and role = ?2 and key.accountId not in"
            + " (select seat.key.accountId from TeamMember seat where seat.key.teamSetId = ?3)";

    @Inject
    CourseAccess access;

    @Inject
    TeamSetService teamSets;

    @Inject
    CurrentAccount me;

    @Inject
    Clock clock;

    @Transactional
    public Page<TeammateView> unassigned(long setId, PageParams paging) {
        TeamSet set = TeamSetService.find(setId);
        access.requireStaff(set.courseId, "see who has no team");
        return Page.of(unassignedStudents(set), paging,
                member -> new TeammateView(member.account.id, member.account.displayName));
    }

    /** Puts a student into a team, or into none when {@code teamId} is null; a team left empty is removed. */
    @Transactional
    public PlacementView place(long setId, long accountId, Long teamId) {
        TeamSet set = teamSets.closedForInstructor(setId, "move students between teams");
        Account student = CourseMember.membership(set.courseId, accountId)
                .filter(member -> member.role == CourseRole.STUDENT)
                .map(member -> member.account)
                .orElseThrow(() -> ApiError.notFound("Account " + accountId + " is not a student of this course."));
        Optional<TeamMember> seat = TeamMember.seat(setId, accountId);
        Team from = seat.map(taken -> Team.<Team>findById(taken.teamId)).orElse(null);
        if (teamId == null) {
            seat.ifPresent(taken -> {
                audit(set, accountId, from, null);
                vacate(taken);
            });
            return new PlacementView(accountId, student.displayName, null, null);
        }
        Team target = Team.lockInSet(setId, teamId).orElseThrow(() -> ApiError.notFound("There is no team with id "
                + teamId + " in \"" + set.name + "\"."));
        if (seat.isPresent() && seat.get().teamId.equals(teamId)) {
            return new PlacementView(accountId, student.displayName, target.id, target.name);
        }
        long size = target.size();
        if (size >= set.maxSize) {
            throw ApiError.conflict("Team \"" + target.name + "\" is full (" + size + " of " + set.maxSize
                    + " members). Move someone out first, or raise the set's maximum size.");
        }
        audit(set, accountId, from, target);
        seat.ifPresent(this::vacate);
        TeamMember.of(setId, accountId, target.id).persistAndFlush();
        return new PlacementView(accountId, student.displayName, target.id, target.name);
    }

    /**
     * Places every student without a team, shuffled by {@code seed}, into the smallest teams with room,
     * opening new teams ("Team 1", "Team 2", ...) when there are not enough seats. See {@link RandomFill}.
     */
    @Transactional
    public FillReport fill(long setId, long seed) {
        TeamSet set = teamSets.closedForInstructor(setId, "fill teams");
        List<Team> teams = new ArrayList<>(Team.<Team>find("teamSetId = ?1 order by id", setId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list());
        List<Integer> sizes = teams.stream().map(team -> (int) team.size()).toList();
        Map<Long, Account> students = unassignedStudents(set).list().stream()
                .collect(Collectors.toMap(member -> member.key.accountId, member -> member.account,
                        (a, b) -> a, LinkedHashMap::new));
        RandomFill.Plan plan = RandomFill.plan(sizes, new ArrayList<>(students.keySet()), set.maxSize, seed);
        List<String> created = openTeams(set, teams, plan.newTeams());
        List<PlacementView> placements = new ArrayList<>();
        plan.teamOfStudent().forEach((accountId, index) -> {
            Team team = teams.get(index);
            TeamMember.of(setId, accountId, team.id).persist();
            TeamAudit.record(setId, accountId, TeamAudit.Action.FILL, null, team, me.id(), seed, clock.instant());
            placements.add(new PlacementView(accountId, students.get(accountId).displayName, team.id, team.name));
        });
        TeamMember.flush();
        List<String> belowMinimum = teams.stream().filter(team -> team.size() < set.minSize)
                .map(team -> team.name).toList();
        return new FillReport(seed, placements, created, belowMinimum);
    }

    private List<String> openTeams(TeamSet set, List<Team> teams, int count) {
        Set<String> taken = teams.stream().map(team -> team.name).collect(Collectors.toCollection(HashSet::new));
        List<String> created = new ArrayList<>();
        for (int number = 1; created.size() < count; number++) {
            String name = "Team " + number;
            if (taken.add(name)) {
                Team team = new Team();
                team.teamSetId = set.id;
                team.name = name;
                team.joinCode = TeamViews.newJoinCode();
                team.persist();
                teams.add(team);
                created.add(name);
            }
        }
        return created;
    }

    private void vacate(TeamMember seat) {
        Team team = Team.lockInSet(seat.key.teamSetId, seat.teamId).orElseThrow();
        seat.delete();
        TeamMember.flush();
        if (team.size() == 0) {
            team.delete();
        }
    }

    private void audit(TeamSet set, long accountId, Team from, Team to) {
        TeamAudit.record(set.id, accountId, TeamAudit.Action.MOVE, from, to, me.id(), null, clock.instant());
    }

    private static PanacheQuery<CourseMember> unassignedStudents(TeamSet set) {
        return CourseMember.find(UNASSIGNED + " order by key.accountId", set.courseId, CourseRole.STUDENT, set.id);
    }
}
