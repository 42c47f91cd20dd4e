package org.backprop.server.team;

import java.util.List;
import org.backprop.server.auth.Secrets;

/** Builds team views; the join code goes only to those allowed to pass it on. */
final class TeamViews {
    private static final int JOIN_CODE_LENGTH = 6;

    private TeamViews() {
    }

    static TeamView of(Team team, TeamSet set, boolean showJoinCode) {
        List<TeammateView> members = TeamMember.<TeamMember>list("teamId = ?1 order by account.displayName, key.accountId",
                team.id).stream()
                .map(member -> new TeammateView(member.account.id, member.account.displayName))
                .toList();
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
