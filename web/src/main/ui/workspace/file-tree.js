// The workspace's files as a tree of folders, with the commands on files: new, rename, delete. Unsaved files and
// files in conflict are marked in words, not only in colour.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { isDirty } from './file-sources.js';

/** The paths as a sorted list of rows: a folder row before its files, each row with its depth. */
export function treeRows(paths) {
  const rows = [];
  const seen = new Set();
  // Files at the top level first, then each folder's, alphabetically.
  const order = (path) => (path.includes('/') ? `1${path}` : `0${path}`);
  for (const path of [...paths].sort((a, b) => order(a).localeCompare(order(b)))) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!seen.has(folder)) {
        seen.add(folder);
        rows.push({ kind: 'folder', path: folder, name: parts[i - 1], depth: i - 1 });
      }
    }
    rows.push({ kind: 'file', path, name: parts[parts.length - 1], depth: parts.length - 1 });
  }
  return rows;
}

export function FileTree({ files, selected, onSelect, onCreate, onRename, onDelete, readOnly }) {
  const [creating, setCreating] = useState(false);
  return html`<nav class="file-tree" aria-label=${t('ws.files')} data-testid="file-tree">
    <div class="toolbar"><strong>${t('ws.files')}</strong>
      ${!readOnly && html`<button type="button" class="secondary small" onClick=${() => setCreating(true)}
        data-testid="new-file">${t('ws.newFile')}</button>`}
    </div>
    ${creating && html`<form class="new-file" onSubmit=${(event) => {
      event.preventDefault();
      const path = event.currentTarget.path.value.trim();
      setCreating(false);
      if (path) {
        onCreate(path);
      }
    }}>
      <label>${t('ws.newFilePath')}<input name="path" required autofocus pattern="[A-Za-z0-9_./-]+"
        onKeyDown=${(event) => event.key === 'Escape' && setCreating(false)} /></label>
    </form>`}
    <ul role="list">
      ${treeRows(Object.keys(files)).map((row) => (row.kind === 'folder'
        ? html`<li class="folder" style=${`padding-left: ${row.depth}rem`} key=${`d:${row.path}`}>${row.name}/</li>`
        : html`<li key=${row.path} class=${row.path === selected ? 'selected' : ''} style=${`padding-left: ${row.depth}rem`}>
            <button type="button" class="file" aria-current=${row.path === selected ? 'true' : undefined}
              onClick=${() => onSelect(row.path)} data-path=${row.path}>
              ${row.name}
              ${files[row.path].conflict ? html` <em class="conflict">(${t('ws.conflict')})</em>`
                : isDirty(files[row.path]) ? html` <em class="dirty">(${t('ws.unsaved')})</em>` : ''}
            </button>
            ${!readOnly && row.path === selected && html`<span class="file-actions">
              <button type="button" class="link" onClick=${() => onRename(row.path)} data-testid="rename-file">${t('ws.rename')}</button>
              <button type="button" class="link danger" onClick=${() => onDelete(row.path)} data-testid="delete-file">${t('ws.delete')}</button>
            </span>`}
          </li>`))}
    </ul>
  </nav>`;
}
