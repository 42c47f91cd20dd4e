package org.backprop.server.pretrained;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.backprop.nn.data.store.DatasetReference;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.models.Model;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.account.Account;
import org.backprop.server.api.ApiError;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.dataset.DatasetStore;
import org.jboss.logging.Logger;

/**
 * Publishes saved models as a course's named, versioned pretrained models and serves them to its members. A model
 * is published only once the server has rebuilt it from its bytes with {@link SavedModels}, so every published
 * model loads in programs; its bytes are stored by SHA-256 in the datasets' store before the row naming them is
 * committed, and never change.
 */
@ApplicationScoped
public class PretrainedService {
    private static final Logger LOG = Logger.getLogger(PretrainedService.class);
    /** nn's layer naming and backends are not made for threads: one model is rebuilt at a time. */
    private static final Object REBUILDING = new Object();

    @Inject
    CourseAccess access;

    @Inject
    CurrentAccount me;

    @Inject
    DatasetStore store;

    @Inject
    PretrainedConfig config;

    @Inject
    Clock clock;

    /**
     * Publishes the model file uploaded as {@code fileName} (spooled to {@code file}) as {@code name} at
     * {@code version}, for a member of the course's staff.
     */
    public PretrainedView publish(long courseId, String name, String version, Path file, String fileName) {
        long account = QuarkusTransaction.requiringNew().call(() -> {
            access.requireStaff(courseId, "publish pretrained models");
            return me.id();
        });
        requireNameAndVersion(name, version);
        QuarkusTransaction.requiringNew().run(() -> requireFree(courseId, name, version));
        long size = size(file);
        long limit = config.maxUploadSize().asLongValue();
        if (size > limit) {
            throw ApiError.tooLarge("The model file is " + size + " bytes; a course may publish models of at most "
                    + limit + " bytes.");
        }
        byte[] bytes;
        try {
            bytes = SavedModelUploads.toSavedModel(file, fileName);
        } catch (SavedModelUploads.UnreadableModelException e) {
            throw ApiError.unprocessable(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        PretrainedModel row = describe(bytes);
        row.sha256 = store.putObject(bytes);
        row.courseId = courseId;
        row.name = name;
        row.version = version;
        row.createdBy = account;
        return QuarkusTransaction.requiringNew().call(() -> {
            requireFree(courseId, name, version);
            row.createdAt = clock.instant();
            row.persist();
            LOG.infof("Published pretrained model %s %s in course %d: %d parameters, %d bytes", name, version,
                    courseId, row.parameterCount, row.bytes);
            return PretrainedView.of(row, displayName(account));
        });
    }

    /** Lists the course's pretrained models for its members, by name and version. */
    @Transactional
    public List<PretrainedView> list(long courseId) {
        access.requireMember(courseId);
        return PretrainedModel.<PretrainedModel>list("courseId = ?1 order by name, version", courseId).stream()
                .map(model -> PretrainedView.of(model, displayName(model.createdBy))).toList();
    }

    /** Returns a model of the course with the file of its saved-model bytes, for members of the course. */
    @Transactional
    public Download download(long courseId, String name, String version) {
        access.requireMember(courseId);
        PretrainedModel model = PretrainedModel.<PretrainedModel>find("courseId = ?1 and name = ?2 and version = ?3",
                courseId, name, version).firstResultOptional().orElseThrow(() -> ApiError.notFound("The course has"
                        + " no pretrained model " + name + " " + version + "."));
        return new Download(model.sha256, store.shard(model.sha256));
    }

    /**
     * Returns the file of the saved-model bytes with this SHA-256 for a member of a course that published them (any
     * name or version): what the browser caches by hash.
     */
    @Transactional
    public Path object(String sha256) {
        if (!ShardRef.isSha256(sha256)) {
            throw ApiError.notFound("There is no pretrained model " + sha256 + ": models are named by 64 lower-case"
                    + " hex digits.");
        }
        List<PretrainedModel> rows = PretrainedModel.list("sha256", sha256);
        if (rows.isEmpty()) {
            throw ApiError.notFound("There is no pretrained model " + sha256 + ".");
        }
        for (PretrainedModel row : rows) {
            if (me.isAdmin() || access.role(row.courseId).isPresent()) {
                return store.shard(sha256);
            }
        }
        throw ApiError.forbidden("You are not enrolled in a course that has this pretrained model.");
    }

    /** A model's saved-model bytes: their SHA-256 and the local file that holds them. */
    public record Download(String sha256, Path file) {
    }

    /** Rebuilds the model to check it, and returns a row with what members see of it (no course, name or hash). */
    private static PretrainedModel describe(byte[] bytes) {
        PretrainedModel row = new PretrainedModel();
        synchronized (REBUILDING) {
            Model model;
            try {
                model = SavedModels.fromBytes(bytes);
            } catch (IllegalArgumentException e) {
                throw ApiError.unprocessable("The file is not a saved model the library can rebuild: "
                        + e.getMessage());
            }
            // The run record's graph knows the input shape of Sequential and functional models alike.
            ModelGraph graph = RunRecords.describe(model);
            row.inputShape = graph.inputShape().stream().map(String::valueOf).collect(Collectors.joining(","));
            row.parameterCount = graph.totalParams();
            row.summary = model.summaryText();
        }
        row.bytes = (long) bytes.length;
        return row;
    }

    private static void requireNameAndVersion(String name, String version) {
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            throw ApiError.badRequest("Give the model a \"name\" (what programs load it by, e.g. vgg16) and a"
                    + " \"version\" (e.g. 1.0.0).");
        }
        try {
            if (name.contains(":")) {
                throw new IllegalArgumentException("\"" + name + "\" is not a pretrained model name: give the"
                        + " version as \"version\", not after a ':'.");
            }
            DatasetReference.parse(name + ":" + version, "pretrained model", "vgg16");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static void requireFree(long courseId, String name, String version) {
        if (PretrainedModel.count("courseId = ?1 and name = ?2 and version = ?3", courseId, name, version) > 0) {
            throw ApiError.conflict("The course already has the pretrained model " + name + " " + version + ". A"
                    + " published model never changes: publish the new one under another version.");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded model", e);
        }
    }

    private static String displayName(long accountId) {
        Account account = Account.findById(accountId);
        return account == null ? "" : account.displayName;
    }
}
