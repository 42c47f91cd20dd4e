// Download progress per split of a dataset, as the page shows it: shards already stored count as loaded from the
// start, downloaded bytes are added as they arrive. Messages are throttled: a 50 MB split arrives in thousands
// of chunks and the page needs a few updates a second, not one per chunk.

export const PROGRESS_INTERVAL_MS = 100;

export class DownloadProgress {
  /** @param post receives {type: 'progress', dataset, split, loadedBytes, totalBytes} */
  constructor(post, now = () => Date.now()) {
    this.post = post;
    this.now = now;
    this.splits = new Map();
  }

  /** Starts counting a split that needs downloads; {@code storedBytes} of its {@code totalBytes} are stored. */
  start(key, { dataset, split, totalBytes, storedBytes }) {
    const entry = { dataset, split, totalBytes, loadedBytes: storedBytes, postedAt: -Infinity };
    this.splits.set(key, entry);
    this.send(entry);
  }

  add(key, bytes) {
    const entry = this.splits.get(key);
    if (entry === undefined) {
      return;
    }
    entry.loadedBytes += bytes;
    if (entry.loadedBytes >= entry.totalBytes || this.now() - entry.postedAt >= PROGRESS_INTERVAL_MS) {
      this.send(entry);
    }
  }

  /** Posts every split's latest count: the last chunks before the program ends may have been held back. */
  flush() {
    for (const entry of this.splits.values()) {
      this.send(entry);
    }
  }

  send(entry) {
    entry.postedAt = this.now();
    this.post({
      type: 'progress',
      dataset: entry.dataset,
      split: entry.split,
      loadedBytes: entry.loadedBytes,
      totalBytes: entry.totalBytes,
    });
  }
}
