package org.backprop.server.experiment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.check.AblationTable;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.server.account.Account;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.assignment.TeamAccess;
import org.backprop.server.assignment.TeamAccess.TeamWork;
import org.backprop.server.auth.CurrentAccount;

/**
 * The teams' experiment logs: keeps the runs members' programs send and the models they save after them, and shows
 * a team's runs to its members and to the course's staff. A run another team kept is "not found" for a student, so
 * that ids tell nothing about other teams.
 */
@ApplicationScoped
public class ExperimentLog {
    /** How many of a log's newest runs the ablation table reads. */
    static final int ABLATION_RUNS = 500;

    @Inject
    TeamAccess access;

    @Inject
    CurrentAccount me;

    @Inject
    Clock clock;

    @Inject
    ExperimentConfig config;

    /** Keeps a run in the caller's team's log, as run by the caller, now. */
    @Transactional
    public RunView record(long assignmentId, RunRequest request) {
        TeamWork log = mine(assignmentId);
        CheckedRecord checked = CheckedRecord.of(request, config.maxRecordSize().asLongValue());
        RunRecord record = checked.record();
        ExperimentRun run = new ExperimentRun();
        run.teamId = log.teamId();
        run.assignmentId = assignmentId;
        run.accountId = me.id();
        run.recordedAt = clock.instant();
        run.sourceSha256 = checked.sourceSha256();
        run.name = record.name();
        run.tags = RunViews.write(record.tags());
        run.seed = record.seed();
        run.datasetName = record.dataset().name();
        run.backend = record.device().backend();
        run.device = record.device().device();
        run.finalMetrics = RunViews.write(finite(record.finalMetrics()));
        run.recordJson = checked.json();
        run.recordSha256 = checked.sha256();
        run.sizeBytes = checked.size();
        run.persist();
        return RunViews.whole(run);
    }

    /** Lists the caller's team's runs for the assignment, newest first. */
    @Transactional
    public Page<RunView> mine(long assignmentId, PageParams paging) {
        return list(mine(assignmentId), paging);
    }

    /** Returns a run of the caller's team's log with its record. */
    @Transactional
    public RunView mine(long assignmentId, long runId) {
        return RunViews.whole(find(mine(assignmentId), runId));
    }

    /** Lists a team's runs for the assignment, newest first, for staff. */
    @Transactional
    public Page<RunView> team(long teamId, long assignmentId, PageParams paging) {
        return list(staff(teamId, assignmentId), paging);
    }

    /** Returns a run of a team's log with its record, for staff. */
    @Transactional
    public RunView team(long teamId, long assignmentId, long runId) {
        return RunViews.whole(find(staff(teamId, assignmentId), runId));
    }

    /**
     * Fails unless the caller ran the run, a run of their team's log: a model goes with the run of the program that
     * saved it, so only the page of the member who ran it sends one.
     */
    @Transactional
    public void requireRunner(long assignmentId, long runId) {
        runnersRun(assignmentId, runId);
    }

    /** Keeps a model in the blob store as the run's, replacing the one it had; returns the run as lists show it. */
    @Transactional
    public RunView keepModel(long assignmentId, long runId, RunModelView stored) {
        ExperimentRun run = runnersRun(assignmentId, runId);
        RunModel model = RunModel.<RunModel>findByIdOptional(run.id).orElseGet(RunModel::new);
        model.runId = run.id;
        model.name = stored.name();
        model.sha256 = stored.sha256();
        model.sizeBytes = stored.size();
        model.accountId = me.id();
        model.savedAt = clock.instant();
        model.persist();
        return RunViews.summary(run);
    }

    /** Returns the model saved with a run of the caller's team's log. */
    @Transactional
    public RunModelView model(long assignmentId, long runId) {
        return model(find(mine(assignmentId), runId));
    }

    /** Returns the model saved with a run of a team's log, for staff. */
    @Transactional
    public RunModelView model(long teamId, long assignmentId, long runId) {
        return model(find(staff(teamId, assignmentId), runId));
    }

    /** The caller's team's ablation study for the assignment, built from its runs' graphs. */
    @Transactional
    public AblationTable ablation(long assignmentId) {
        return ablation(mine(assignmentId));
    }

    /** A team's ablation study for the assignment, for staff. */
    @Transactional
    public AblationTable ablation(long teamId, long assignmentId) {
        return ablation(staff(teamId, assignmentId));
    }

    // The study reads the newest runs only: a log of thousands of runs still answers quickly.
    private static AblationTable ablation(TeamWork log) {
        List<ExperimentRun> runs = ExperimentRun.<ExperimentRun>find(
                "teamId = ?1 and assignmentId = ?2 order by recordedAt desc, id desc", log.teamId(), log.assignment().id)
                .page(0, ABLATION_RUNS).list();
        return AblationTable.of(runs.stream()
                .map(run -> new AblationTable.Entry(run.id, RunRecordJson.read(run.recordJson))).toList());
    }

    private TeamWork mine(long assignmentId) {
        return access.mine(assignmentId, "Only students of the course keep runs in a team's experiment log; staff read"
                + " a team's runs with GET /api/teams/{teamId}/assignments/" + assignmentId + "/runs.",
                "runs are kept in your team's experiment log");
    }

    private TeamWork staff(long teamId, long assignmentId) {
        return access.staff(teamId, assignmentId, "read a team's experiment log");
    }

    private ExperimentRun runnersRun(long assignmentId, long runId) {
        ExperimentRun run = find(mine(assignmentId), runId);
        if (!run.accountId.equals(me.id())) {
            throw ApiError.forbidden("Only " + Account.<Account>findById(run.accountId).displayName + ", who ran \""
                    + run.name + "\", can save a model with it: a model goes with the run of the program that saved"
                    + " it.");
        }
        return run;
    }

    private static RunModelView model(ExperimentRun run) {
        return RunModel.<RunModel>findByIdOptional(run.id)
                .map(model -> new RunModelView(model.name, model.sizeBytes, model.sha256))
                .orElseThrow(() -> ApiError.notFound("Run " + run.id + " (\"" + run.name + "\") has no saved model:"
                        + " its program saved none after the fit."));
    }

    private static Page<RunView> list(TeamWork log, PageParams paging) {
        return Page.of(ExperimentRun.find("teamId = ?1 and assignmentId = ?2 order by recordedAt desc, id desc",
                log.teamId(), log.assignment().id), paging, RunViews::summary);
    }

    private static ExperimentRun find(TeamWork log, long runId) {
        return ExperimentRun.<ExperimentRun>findByIdOptional(runId)
                .filter(run -> run.teamId == log.teamId() && run.assignmentId.equals(log.assignment().id))
                .orElseThrow(() -> ApiError.notFound("There is no run " + runId + " in this team's experiment log for"
                        + " this assignment."));
    }

    // A record writes NaN and infinite metrics as null; JSON has no other way to say them.
    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> finite = new LinkedHashMap<>();
        metrics.forEach((name, value) -> finite.put(name, Double.isFinite(value) ? value : null));
        return finite;
    }
}
