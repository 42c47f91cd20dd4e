package org.backprop.server.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.account.Account;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;

/**
 * Brings the teams of a set within its minimum and maximum size by moving students, as {@link Balancer}
 * plans it: a preview that changes nothing, and an apply that makes the moves with an audit entry each.
 */
@ApplicationScoped
public class TeamBalanceService {
    @Inject
    TeamSetService teamSets;

    @Inject
    CourseAccess access;

    @Inject
    CurrentAccount me;

    @Inject
    Clock clock;

    /** Returns what a balance with {@code seed} would do now; instructors may look before selection closes. */
    @Transactional
    public BalanceReport preview(long setId, long seed) {
        TeamSet set = TeamSetService.find(setId);
        access.requireInstructor(set.courseId, "balance teams");
        List<Team> teams = Team.<Team>find("teamSetId = ?1 order by id", setId).list();
        return report(set, teams, plan(set, teams, seed), seed, false);
    }

    /**
     * Makes the moves of a balance with {@code seed}. The set's row and then its teams are locked first, so
     * no placement or seat change interleaves with the moves, and the report is what is stored.
     */
    @Transactional
    public BalanceReport apply(long setId, long seed) {
        TeamSet set = teamSets.closedForInstructor(setId, "balance teams");
        List<Team> teams = Team.<Team>find("teamSetId = ?1 order by id", setId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Balancer.Plan plan = plan(set, teams, seed);
        Map<Long, Team> byId = byId(teams);
        Instant now = clock.instant();
        for (Balancer.Move move : plan.moves()) {
            TeamMember seat = TeamMember.seat(setId, move.accountId()).orElseThrow();
            seat.teamId = move.toTeamId();
            TeamAudit.record(setId, move.accountId(), TeamAudit.Action.BALANCE, byId.get(move.fromTeamId()),
                    byId.get(move.toTeamId()), me.id(), seed, now);
        }
        TeamMember.flush();
        plan.emptiedTeams().forEach(id -> byId.get(id).delete());
        return report(set, teams, plan, seed, true);
    }

    private static Balancer.Plan plan(TeamSet set, List<Team> teams, long seed) {
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        teams.forEach(team -> members.put(team.id, new ArrayList<>()));
        TeamMember.<TeamMember>find("key.teamSetId = ?1 order by key.accountId", set.id).list()
                .forEach(seat -> members.get(seat.teamId).add(seat.key.accountId));
        List<Balancer.TeamState> states = new ArrayList<>();
        members.forEach((id, ids) -> states.add(new Balancer.TeamState(id, ids)));
        return Balancer.plan(states, set.minSize, set.maxSize, seed);
    }

    private static BalanceReport report(TeamSet set, List<Team> teams, Balancer.Plan plan, long seed, boolean applied) {
        Map<Long, Team> byId = byId(teams);
        Map<Long, Integer> sizes = new HashMap<>();
        teams.forEach(team -> sizes.put(team.id, (int) team.size()));
        List<BalanceReport.MoveView> moves = new ArrayList<>();
        for (Balancer.Move move : plan.moves()) {
            Team from = byId.get(move.fromTeamId());
            Team to = byId.get(move.toTeamId());
            moves.add(new BalanceReport.MoveView(move.accountId(), Account.<Account>findById(move.accountId())
                    .displayName, from.id, from.name, to.id, to.name));
            if (!applied) {
                sizes.merge(from.id, -1, Integer::sum);
                sizes.merge(to.id, 1, Integer::sum);
            }
        }
        List<Team> remaining = teams.stream().filter(team -> !plan.emptiedTeams().contains(team.id)).toList();
        return new BalanceReport(seed, applied, moves,
                teams.stream().filter(team -> plan.emptiedTeams().contains(team.id)).map(team -> team.name).toList(),
                remaining.stream().map(team -> new BalanceReport.TeamSize(team.id, team.name, sizes.get(team.id)))
                        .toList(),
                remaining.stream().filter(team -> sizes.get(team.id) < set.minSize).map(team -> team.name).toList(),
                remaining.stream().filter(team -> sizes.get(team.id) > set.maxSize).map(team -> team.name).toList());
    }

    private static Map<Long, Team> byId(List<Team> teams) {
        Map<Long, Team> byId = new HashMap<>();
        teams.forEach(team -> byId.put(team.id, team));
        return byId;
    }
}
