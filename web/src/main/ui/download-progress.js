// The line under the output's toolbar that shows a dataset downloading: a labelled <progress> per split, so
// that a student whose first run waits on 50 MB sees why and for how long.
const $ = (id) => document.getElementById(id);
const MB = 1024 * 1024;

/** "Downloading fashion_mnist 1.0.0 (train): 12.5 of 30.2 MB" (or "Downloaded … 30.2 MB, kept for next runs"). */
export function progressText({ dataset, split, loadedBytes, totalBytes }) {
  const total = (totalBytes / MB).toFixed(1);
  return loadedBytes >= totalBytes
    ? `Downloaded ${dataset} (${split}): ${total} MB, kept in this browser for the next runs.`
    : `Downloading ${dataset} (${split}): ${(loadedBytes / MB).toFixed(1)} of ${total} MB`;
}

/** Clears the lines of the previous run. */
export function clearProgress() {
  $('downloads').replaceChildren();
  $('downloads').hidden = true;
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
  const [label, bar] = row.children;
  label.textContent = progressText(message);
  bar.max = message.totalBytes;
  bar.value = message.loadedBytes;
}
