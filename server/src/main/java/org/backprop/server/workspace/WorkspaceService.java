package org.backprop.server.workspace;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.server.account.Account;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.AssignmentService;
import org.backprop.server.assignment.CourseTime;
import org.backprop.server.assignment.TeamAccess;
import org.backprop.server.assignment.TeamAccess.TeamWork;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.Course;

/**
 * The teams' workspaces: the files a team edits for an assignment, seeded from the starter files when first opened.
 * A change names the revision it was made from; if a teammate saved, renamed or deleted the file since, it is refused
 * with a {@link ConflictProblem} that carries theirs, so nothing is overwritten unseen. Every revision is kept.
 * Changes to one workspace lock its row and so happen one after the other.
 */
@ApplicationScoped
public class WorkspaceService {
    private static final String YOURS_KEPT = " Your version is kept in the editor: compare the two and save again.";

    @Inject
    TeamAccess access;

    @Inject
    AssignmentService assignments;

    @Inject
    CurrentAccount me;

    @Inject
    Clock clock;

    /** Returns the caller's team's workspace, seeding it from the starter files the first time. */
    @Transactional
    public WorkspaceView mine(long assignmentId) {
        TeamWork work = mine(assignmentId, "open");
        seed(work);
        return view(work);
    }

    /** Returns a team's workspace for staff, without seeding it: an unopened one shows the starter files. */
    @Transactional
    public WorkspaceView team(long teamId, long assignmentId) {
        TeamWork work = access.staff(teamId, assignmentId, "read a team's workspace");
        return seeded(work) ? view(work) : new WorkspaceView(teamId, assignments.starter(work.assignment().id).entrySet()
                .stream().map(file -> new FileView(file.getKey(), file.getValue(), 1, false, null, null)).toList());
    }

    /** Saves {@code content} at {@code path} over {@code baseRevision} (0: a new file) as the caller, now. */
    @Transactional
    public FileView save(long assignmentId, String path, SaveRequest request) {
        TeamWork work = mine(assignmentId, "save files in");
        SourceRules.path(work.assignment().mainClass, path);
        SourceRules.text(request.content(), path);
        lock(work);
        Optional<FileRevision> head = FileRevision.head(work.teamId(), assignmentId, path);
        int base = request.baseRevision();
        requireBase(work, path, head, base);
        List<String> others = FileRevision.heads(work.teamId(), assignmentId).stream()
                .filter(file -> !file.deleted() && !file.key.path.equals(path)).map(file -> file.content).toList();
        SourceRules.fits(path, request.content(), base == 0, others);
        return view(write(work, path, next(head), request.content()), new Authors());
    }

    /** Deletes {@code path}, opened at {@code baseRevision}, leaving a tombstone revision. */
    @Transactional
    public void delete(long assignmentId, String path, Integer baseRevision) {
        TeamWork work = mine(assignmentId, "delete files in");
        if (baseRevision == null || baseRevision < 1) {
            throw ApiError.badRequest("Say which revision of " + path + " you are deleting: add ?baseRevision=N, the"
                    + " revision you opened.");
        }
        lock(work);
        Optional<FileRevision> head = FileRevision.head(work.teamId(), assignmentId, path);
        requireBase(work, path, head, baseRevision);
        write(work, path, next(head), null);
    }

    /** Moves {@code path}, opened at the request's base revision, to the request's new path. */
    @Transactional
    public FileView rename(long assignmentId, String path, RenameRequest request) {
        TeamWork work = mine(assignmentId, "rename files in");
        SourceRules.path(work.assignment().mainClass, request.to());
        if (request.to().equals(path)) {
            throw ApiError.badRequest(path + " already has that name.");
        }
        lock(work);
        Optional<FileRevision> head = FileRevision.head(work.teamId(), assignmentId, path);
        requireBase(work, path, head, request.baseRevision());
        Optional<FileRevision> target = FileRevision.head(work.teamId(), assignmentId, request.to());
        if (target.isPresent() && !target.get().deleted()) {
            Authors authors = new Authors();
            throw ConflictProblem.of(request.to() + " already exists (revision " + target.get().key.revision
                    + (target.get().updatedBy == null ? ", from the starter files"
                            : ", saved by " + authors.who(target.get()) + " at " + when(work, target.get()))
                    + "). Choose another name, or delete that file first.", view(target.get(), authors));
        }
        String content = head.orElseThrow().content;
        write(work, path, next(head), null);
        return view(write(work, request.to(), next(target), content), new Authors());
    }

    /** Lists the revisions of {@code path} in the caller's team's workspace, newest first. */
    @Transactional
    public List<RevisionView> revisions(long assignmentId, String path) {
        TeamWork work = mine(assignmentId, "open");
        Authors authors = new Authors();
        List<RevisionView> revisions = FileRevision.history(work.teamId(), assignmentId, path).stream()
                .map(file -> new RevisionView(file.key.revision, file.deleted(), authors.of(file), file.updatedAt))
                .toList();
        if (revisions.isEmpty()) {
            throw noFile(path);
        }
        return revisions;
    }

    /** Returns one revision of {@code path} in the caller's team's workspace, with its content. */
    @Transactional
    public FileView revision(long assignmentId, String path, int revision) {
        TeamWork work = mine(assignmentId, "open");
        return FileRevision.<FileRevision>findByIdOptional(new FileRevision.Key(work.teamId(), assignmentId, path,
                revision)).map(file -> view(file, new Authors()))
                .orElseThrow(() -> ApiError.notFound("Your team's workspace has no revision " + revision + " of "
                        + path + "."));
    }

    private TeamWork mine(long assignmentId, String verb) {
        return access.mine(assignmentId, "Only students of the course " + verb + " a team's workspace; staff read a"
                + " team's files with GET /api/teams/{teamId}/assignments/" + assignmentId + "/workspace.",
                "the files you edit are kept in your team's workspace");
    }

    /**
     * Stores the starter files as revision 1 unless the workspace was seeded before. When teammates open it at once,
     * the second insert of the workspace row waits for the first to commit and then inserts nothing.
     */
    private void seed(TeamWork work) {
        int inserted = Panache.getEntityManager().createNativeQuery("insert into workspace (team_id, assignment_id,"
                + " seeded_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, work.teamId()).setParameter(2, work.assignment().id)
                .setParameter(3, clock.instant()).executeUpdate();
        if (inserted == 1) {
            assignments.starter(work.assignment().id).forEach((path, content) -> FileRevision.of(
                    new FileRevision.Key(work.teamId(), work.assignment().id, path, 1), content, null, null).persist());
        }
    }

    private static boolean seeded(TeamWork work) {
        return Panache.getEntityManager().createNativeQuery("select count(*) from workspace where team_id = ?1 and"
                + " assignment_id = ?2").setParameter(1, work.teamId()).setParameter(2, work.assignment().id)
                .getSingleResult() instanceof Number count && count.longValue() > 0;
    }

    /** Seeds the workspace if need be and locks it until the transaction ends; reads after this see the latest. */
    private void lock(TeamWork work) {
        seed(work);
        Panache.getEntityManager().createNativeQuery("select 1 from workspace where team_id = ?1 and assignment_id"
                + " = ?2 for update").setParameter(1, work.teamId()).setParameter(2, work.assignment().id)
                .getSingleResult();
    }

    /**
     * Refuses a change made from {@code base} unless it is the file's latest revision; 0 stands for "no file", which
     * also matches a deleted one.
     */
    private void requireBase(TeamWork work, String path, Optional<FileRevision> head, int base) {
        int latest = head.filter(file -> !file.deleted()).map(file -> file.key.revision).orElse(0);
        if (base == latest) {
            return;
        }
        if (head.isEmpty()) {
            throw noFile(path);
        }
        FileRevision theirs = head.get();
        Authors authors = new Authors();
        String opened = base == 0 ? "while you were writing a new file of that name"
                : "after you opened revision " + base;
        String detail = theirs.updatedBy == null
                ? path + " is in your team's workspace from the starter files (revision " + theirs.key.revision
                        + "), and you saved a new file of that name." + YOURS_KEPT
                : authors.who(theirs) + (theirs.deleted() ? " deleted " : " saved ") + path + " (revision "
                        + theirs.key.revision + ") at " + when(work, theirs) + ", " + opened + "."
                        + (theirs.deleted() ? " Your version is kept in the editor: save it as a new file to bring"
                                + " it back, or let it go." : YOURS_KEPT);
        throw ConflictProblem.of(detail, view(theirs, authors));
    }

    private static String when(TeamWork work, FileRevision file) {
        return CourseTime.sentence(file.updatedAt, Course.<Course>findById(work.assignment().courseId).timeZone);
    }

    private static int next(Optional<FileRevision> head) {
        return head.map(file -> file.key.revision + 1).orElse(1);
    }

    private FileRevision write(TeamWork work, String path, int revision, String content) {
        FileRevision file = FileRevision.of(new FileRevision.Key(work.teamId(), work.assignment().id, path, revision),
                content, me.id(), clock.instant());
        file.persist();
        return file;
    }

    private WorkspaceView view(TeamWork work) {
        Authors authors = new Authors();
        return new WorkspaceView(work.teamId(), FileRevision.heads(work.teamId(), work.assignment().id).stream()
                .filter(file -> !file.deleted()).map(file -> view(file, authors)).toList());
    }

    private static FileView view(FileRevision file, Authors authors) {
        return new FileView(file.key.path, file.content, file.key.revision, file.deleted(), authors.of(file),
                file.updatedAt);
    }

    private static WebApplicationException noFile(String path) {
        return ApiError.notFound("Your team's workspace has no file " + path + ". To create it, save it as a new"
                + " file (baseRevision 0).");
    }

    /** Looks up each author once per request. */
    private final class Authors {
        private final Map<Long, Author> byId = new HashMap<>();

        Author of(FileRevision file) {
            return file.updatedBy == null ? null : byId.computeIfAbsent(file.updatedBy,
                    id -> new Author(id, Account.<Account>findById(id).displayName));
        }

        /** Returns the author's name for a sentence; "You" when it is the caller, e.g. in another tab. */
        String who(FileRevision file) {
            return file.updatedBy == me.id() ? "You" : of(file).name();
        }
    }
}
