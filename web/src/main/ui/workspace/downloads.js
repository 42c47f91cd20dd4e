// A dataset download's progress as a labelled bar per split, so a student whose first run waits on 50 MB sees why
// and for how long.
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { formatSize } from '../lib/sizes.js';

/**
 * "Downloading fashion_mnist 1.0.0 (train): 12.5 MB of 30 MB" (or "Downloaded … 30 MB, kept for next runs"). Once the
 * run has ended ({@code ended}), a split the program read only part of says what it keeps, not "Downloading".
 */
export function progressText({ dataset, split, loadedBytes, totalBytes }, ended = false) {
  const total = formatSize(totalBytes);
  const loaded = formatSize(loadedBytes);
  if (loadedBytes >= totalBytes) {
    return t('dl.done', { dataset, split, total });
  }
  return ended ? t('dl.kept', { dataset, split, loaded, total }) : t('dl.downloading', { dataset, split, loaded, total });
}

/** {downloads: Map key → progress message, ended}. */
export function Downloads({ downloads, ended }) {
  if (downloads.size === 0) {
    return null;
  }
  return html`<div class="downloads" data-testid="downloads">
    ${[...downloads.entries()].map(([key, message], i) => html`<div class="download" key=${key} data-key=${key}>
      <label id=${`download-${i}`}>${progressText(message, ended)}</label>
      <progress aria-labelledby=${`download-${i}`} max=${message.totalBytes} value=${message.loadedBytes}></progress>
    </div>`)}
  </div>`;
}
