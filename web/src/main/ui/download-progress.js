// The line under the output's toolbar that shows a dataset downloading: a labelled <progress> per split, so
// that a student whose first run waits on 50 MB sees why and for how long.
const $ = (id) => document.getElementById(id);
const MB = 1024 * 1024;

/**
 * "Downloading fashion_mnist 1.0.0 (train): 12.5 of 30.2 MB" (or "Downloaded … 30.2 MB, kept for next runs"). Once
 * the run has ended ({@code ended}), a split the program read only part of says what it keeps, not "Downloading".
 */
export function progressText({ dataset, split, loadedBytes, totalBytes }, ended = false) {
  const total = (totalBytes / MB).toFixed(1);
  const loaded = (loadedBytes / MB).toFixed(1);
  if (loadedBytes >= totalBytes) {
    return `Downloaded ${dataset} (${split}): ${total} MB, kept in this browser for the next runs.`;
  }
  return ended
    ? `Kept ${loaded} of ${total} MB of ${dataset} (${split}) in this browser; the rest downloads when a program reads it.`
    : `Downloading ${dataset} (${split}): ${loaded} of ${total} MB`;
}

/** The latest message of each split's row, by row key, for {@link settleProgress}. */
const latest = new Map();

/** Clears the lines of the previous run. */
export function clearProgress() {
  latest.clear();
  $('downloads').replaceChildren();
  $('downloads').hidden = true;
}

/** Rewords the rows when the run has ended: nothing is downloading any more. */
export function settleProgress() {
  for (const row of $('downloads').children) {
    row.children[0].textContent = progressText(latest.get(row.dataset.key), true);
  }
}

/** Shows a {type: 'progress'} message of the worker. */
export function showProgress(message) {
  const key = `${message.dataset}/${message.split}`;
  const list = $('downloads');
  let row = [...list.children].find((child) => child.dataset.key === key);
  if (row === undefined) {
    row = document.createElement('div');
    row.className = 'download';
    row.dataset.key = key;
    const label = document.createElement('label');
    const bar = document.createElement('progress');
    label.id = `download-${list.children.length}`;
    bar.setAttribute('aria-labelledby', label.id);
    row.append(label, bar);
    list.append(row);
    list.hidden = false;
  }
  latest.set(key, message);
  const [label, bar] = row.children;
  label.textContent = progressText(message);
  bar.max = message.totalBytes;
  bar.value = message.loadedBytes;
}
