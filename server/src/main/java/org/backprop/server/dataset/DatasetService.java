package org.backprop.server.dataset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.SplitManifest;
import org.backprop.server.api.ApiError;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;
import org.jboss.logging.Logger;

/**
 * Imports datasets into a course and decides who sees what of them. An import runs outside any transaction
 * (it may take minutes) in a private folder of the {@link DatasetStore}; the shards and then the manifest are
 * stored only when the whole upload has been read, and the row naming them is committed last, so a failed
 * import leaves neither a row nor a manifest. Students get everything but the hidden split's shards.
 */
@ApplicationScoped
public class DatasetService {
    private static final Logger LOG = Logger.getLogger(DatasetService.class);

    @Inject
    CourseAccess access;

    @Inject
    CurrentAccount me;

    @Inject
    DatasetStore store;

    @Inject
    DatasetConfig config;

    @Inject
    Clock clock;

    /** One uploaded file: where it was spooled and the name it was sent with. */
    public record Upload(Path file, String fileName) {
    }

    /**
     * Imports uploaded files for a member of the course's staff: one zip, tar or tar.gz archive, or IDX files
     * (gzipped or not) sent as they are.
     */
    public DatasetView importUpload(long courseId, ImportSettings settings, List<Upload> uploads) {
        long account = QuarkusTransaction.requiringNew().call(() -> {
            access.requireStaff(courseId, "import datasets");
            return me.id();
        });
        requireFree(courseId, settings);
        try (DatasetStore.Import work = store.begin()) {
            Path folder = work.uploadFolder();
            for (Upload upload : uploads) {
                String name = upload.fileName() == null ? "upload" : Path.of(upload.fileName()).getFileName()
                        .toString();
                if (settings.format() == DatasetFormat.IDX && IdxImporter.isIdxFile(name)) {
                    Files.copy(upload.file(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    ArchiveExtractor.extract(upload.file(), name, folder, config.limits());
                }
            }
            return finish(courseId, settings, work, folder, account);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not import the upload", e);
        }
    }

    /**
     * Imports the dataset files in a folder of the server (the demo's, or an instructor's on the machine) into a
     * course, on behalf of {@code createdBy}; the caller has checked that it may. The folder is only read.
     */
    public DatasetView importFolder(long courseId, Path source, ImportSettings settings, long createdBy) {
        requireFree(courseId, settings);
        try (DatasetStore.Import work = store.begin()) {
            return finish(courseId, settings, work, source, createdBy);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not import " + source, e);
        }
    }

    private DatasetView finish(long courseId, ImportSettings settings, DatasetStore.Import work, Path folder,
            long createdBy) throws IOException {
        DatasetManifest manifest;
        try {
            manifest = FolderImporter.of(settings.format()).read(folder, settings, work, config.limits());
        } catch (DatasetImportException | IllegalArgumentException e) {
            throw ApiError.unprocessable(e.getMessage());
        }
        String manifestHash = work.commit(manifest);
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(courseId, manifest, manifestHash, createdBy));
        } catch (RuntimeException e) {
            boolean referenced = QuarkusTransaction.requiringNew().call(() ->
                    Dataset.count("manifestSha256", manifestHash) > 0);
            if (!referenced) {
                store.deleteManifest(manifestHash);
            }
            throw e;
        }
    }

    private DatasetView insert(long courseId, DatasetManifest manifest, String manifestHash, long createdBy) {
        requireNoDataset(courseId, manifest.name(), manifest.version());
        Dataset dataset = new Dataset();
        dataset.courseId = courseId;
        dataset.name = manifest.name();
        dataset.version = manifest.version();
        dataset.manifestSha256 = manifestHash;
        dataset.createdBy = createdBy;
        dataset.createdAt = clock.instant();
        dataset.persist();
        for (SplitManifest split : manifest.splits()) {
            // Two shards of a split with the same bytes are one row.
            split.shards().stream().map(ShardRef::sha256).distinct().forEach(sha256 ->
                    DatasetShard.of(dataset.id, split.name(), sha256, split.hidden()).persist());
        }
        LOG.infof("Imported dataset %s %s into course %d: %s", manifest.name(), manifest.version(), courseId,
                manifest.splits().stream().map(s -> s.name() + " " + s.examples()).toList());
        return DatasetView.of(manifest, dataset.createdAt);
    }

    /** Refuses early, before any work, a name and version the course already has. */
    private void requireFree(long courseId, ImportSettings settings) {
        if (settings.name() != null && settings.version() != null) {
            QuarkusTransaction.requiringNew().run(() -> requireNoDataset(courseId, settings.name(),
                    settings.version()));
        }
    }

    private static void requireNoDataset(long courseId, String name, String version) {
        if (Dataset.count("courseId = ?1 and name = ?2 and version = ?3", courseId, name, version) > 0) {
            throw ApiError.conflict("The course already has the dataset " + name + " " + version + ". Datasets never"
                    + " change once imported: give the new data another version.");
        }
    }

    /** Lists the course's datasets for its members, by name and version. */
    @Transactional
    public List<DatasetView> list(long courseId) {
        access.requireMember(courseId);
        return Dataset.<Dataset>list("courseId = ?1 order by name, version", courseId).stream()
                .map(dataset -> DatasetView.of(store.readManifest(dataset.manifestSha256), dataset.createdAt))
                .toList();
    }

    /** Returns a dataset's manifest as JSON; students get it without the hidden split's shards. */
    @Transactional
    public String manifest(long courseId, String name, String version) {
        access.requireMember(courseId);
        Dataset dataset = Dataset.<Dataset>find("courseId = ?1 and name = ?2 and version = ?3", courseId, name,
                version).firstResultOptional().orElseThrow(() -> ApiError.notFound("The course has no dataset "
                        + name + " " + version + "."));
        DatasetManifest manifest = store.readManifest(dataset.manifestSha256);
        return (isStaff(courseId) ? manifest : manifest.withoutHiddenShards()).toJson();
    }

    /**
     * Returns the file of a shard for a member of a course that has it: staff get every shard, students only
     * those of splits that are not hidden.
     */
    @Transactional
    public Path shard(String sha256) {
        if (!ShardRef.isSha256(sha256)) {
            throw ApiError.notFound("There is no shard " + sha256 + ": shards are named by 64 lower-case hex digits.");
        }
        List<DatasetShard> rows = DatasetShard.list("key.sha256", sha256);
        if (rows.isEmpty()) {
            throw ApiError.notFound("There is no shard " + sha256 + ".");
        }
        boolean member = false;
        for (DatasetShard row : rows) {
            long courseId = Dataset.<Dataset>findById(row.key.datasetId).courseId;
            if (me.isAdmin() || isStaff(courseId)) {
                return store.shard(sha256);
            }
            if (access.role(courseId).isPresent()) {
                member = true;
                if (!row.hidden) {
                    return store.shard(sha256);
                }
            }
        }
        throw ApiError.forbidden(member ? "This shard belongs to a hidden split, which only the grader evaluates on."
                : "You are not enrolled in a course that has this shard.");
    }

    private boolean isStaff(long courseId) {
        return me.isAdmin() || access.role(courseId).filter(role -> role != CourseRole.STUDENT).isPresent();
    }
}
