package org.backprop.server.team;

import java.util.List;
import org.backprop.server.auth.Secrets;

/** Builds team views; the join code goes only to those allowed to pass it on. */
final class TeamViews {
    private static final int JOIN_CODE_LENGTH = 6;
    private static final String MEMBERS = "select new org.backprop.server.team.TeammateView(account.id,"
            + " account.displayName) from TeamMember seat, Account account where account.id = seat.key.accountId"
            + " and seat.teamId = :team order by account.displayName, account.id";

    private TeamViews() {
    }

    static TeamView of(Team team, TeamSet set, boolean showJoinCode) {
        List<TeammateView> members = TeamMember.getEntityManager().createQuery(MEMBERS, TeammateView.class)
                .setParameter("team", team.id)
                .getResultList();
        return new TeamView(team.id, team.name, members.size(), set.maxSize, members,
                showJoinCode ? team.joinCode : null);
    }

    static String newJoinCode() {
        String code;
        do {
            code = Secrets.code(JOIN_CODE_LENGTH);
        } while (Team.count("joinCode", code) > 0);
        return code;
    }
}
