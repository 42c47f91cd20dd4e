// The team's experiment log as the screens read it: the runs (newest first) and, for the runs a screen draws, their
// whole records. Students read their own team's log; staff name the team.
import { api, allPages } from './api.js';

/** The log's base path: the student's own team's, or (with teamId) a team's as staff read it. */
export function logPath(assignmentId, teamId = null) {
  return teamId == null ? `/api/assignments/${assignmentId}/runs` : `/api/teams/${teamId}/assignments/${assignmentId}/runs`;
}

export function listRuns(assignmentId, teamId = null) {
  return allPages(logPath(assignmentId, teamId), { size: 100, limit: 1000 });
}

/** The runs with their records attached, for the runs {@code wanted(run)} selects (records are fetched once each). */
export async function withRecords(runs, assignmentId, wanted, teamId = null, cache = new Map()) {
  return Promise.all(runs.map(async (run) => {
    if (!wanted(run)) {
      return run;
    }
    if (!cache.has(run.id)) {
      cache.set(run.id, api(`${logPath(assignmentId, teamId)}/${run.id}`).then((full) => full.record));
    }
    return { ...run, record: await cache.get(run.id) };
  }));
}

/** The ablation table the server builds from the runs' model graphs (GET …/runs/ablation). */
export function ablationOf(assignmentId, teamId = null) {
  return api(`${logPath(assignmentId, teamId)}/ablation`);
}
