package org.backprop.server.team;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;

/**
 * What the instructor does once selection has closed: move students between teams and fill the
 * unassigned into teams at random. Each operation locks the set's row, so they run one at a time.
 */
@ApplicationScoped
public class TeamPlacementService {
    private static final String UNASSIGNED = "key.courseId = ?1 and role = ?2 and key.accountId not in"
            + " (select seat.key.accountId from TeamMember seat where seat.key.teamSetId = ?3)";

    @Inject
    CourseAccess access;

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
        TeamSet set = closedSetForInstructor(setId, "move students between teams");
        Account student = CourseMember.membership(set.courseId, accountId)
                .filter(member -> member.role == CourseRole.STUDENT)
                .map(member -> member.account)
                .orElseThrow(() -> ApiError.notFound("Account " + accountId + " is not a student of this course."));
        Optional<TeamMember> seat = TeamMember.seat(setId, accountId);
        if (teamId == null) {
            seat.ifPresent(this::vacate);
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
        TeamSet set = closedSetForInstructor(setId, "fill teams");
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

    private TeamSet closedSetForInstructor(long setId, String toDoWhat) {
        TeamSet set = TeamSetService.lock(setId);
        access.requireInstructor(set.courseId, toDoWhat);
        if (set.selectionOpen(Instant.now())) {
            throw ApiError.conflict("Students can still pick teams in \"" + set.name + "\" until "
                    + TeamSetService.closing(set) + ". To " + toDoWhat + " now, close selection first by setting"
                    + " selectionClosesAt to now.");
        }
        return set;
    }

    private static PanacheQuery<CourseMember> unassignedStudents(TeamSet set) {
        return CourseMember.find(UNASSIGNED + " order by key.accountId", set.courseId, CourseRole.STUDENT, set.id);
    }
}
