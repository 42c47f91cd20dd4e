package org.backprop.server.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A shard of one dataset's split; {@link #hidden} when the split is the one students never get. */
@Entity
@Table(name = "dataset_shard")
public class DatasetShard extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false, updatable = false)
    public boolean hidden;

    static DatasetShard of(long datasetId, String split, String sha256, boolean hidden) {
        DatasetShard shard = new DatasetShard();
        shard.key = new Key(datasetId, split, sha256);
        shard.hidden = hidden;
        return shard;
    }

    /** The (dataset, split, shard) triple that identifies a row. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "dataset_id")
        public Long datasetId;

        @Column(name = "split")
        public String split;

        @Column(name = "sha256")
        public String sha256;

        protected Key() {
        }

        Key(Long datasetId, String split, String sha256) {
            this.datasetId = datasetId;
            this.split = split;
            this.sha256 = sha256;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(datasetId, key.datasetId)
                    && Objects.equals(split, key.split) && Objects.equals(sha256, key.sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(datasetId, split, sha256);
        }
    }
}
