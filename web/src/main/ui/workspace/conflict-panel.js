// A save that met a teammate's newer revision: their version beside the editor (which still holds mine), and the
// two ways out. Nothing is overwritten until the student chooses.
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { courseTime, ownZone } from '../lib/time.js';

export function ConflictPanel({ path, theirs, onKeepMine, onTakeTheirs }) {
  const who = theirs.updatedBy?.name ?? '?';
  return html`<section class="conflict-panel" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
    <h2 id="conflict-title">${t('ws.conflictTitle', { path })}</h2>
    <div class="versions">
      <div>
        <h3>${theirs.deleted ? t('ws.theirsDeleted', { name: who, revision: theirs.revision ?? '?' })
          : t('ws.theirs', { name: who, revision: theirs.revision })}
          ${theirs.updatedAt && html` <small class="muted">${courseTime(theirs.updatedAt, ownZone()).main}</small>`}</h3>
        ${!theirs.deleted && html`<pre class="theirs" data-testid="theirs">${theirs.content}</pre>`}
      </div>
      <div><h3>${t('ws.mine')}</h3><p class="muted small">↓</p></div>
    </div>
    <div class="actions">
      <button type="button" onClick=${onKeepMine} data-testid="keep-mine">${t('ws.keepMine')}</button>
      <button type="button" class="secondary" onClick=${onTakeTheirs} data-testid="take-theirs">${t('ws.takeTheirs')}</button>
    </div>
  </section>`;
}
