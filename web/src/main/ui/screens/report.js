// The report: a Markdown editor with a live preview that draws the embedded runs ({{run:NAME}}, {{ablation}},
// {{confusion:NAME}}) with the same renderer the TA reads. Saved as this member's draft on the server (and kept in
// this browser between saves).
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { assignmentCrumbs, loadAssignment } from '../lib/assignment.js';
import { ablationOf, listRuns, withRecords } from '../lib/runs.js';
import { Page } from '../components/page.js';
import { AssignmentTabs } from '../components/layout.js';
import { Async, Notice, useApi } from '../components/states.js';
import { ReportView, embedsOf } from '../components/report-view.js';

const AUTOSAVE_MS = 2000;

async function load(assignmentId) {
  const [loaded, draft, runs, ablation] = await Promise.all([
    loadAssignment(assignmentId), api(`/api/assignments/${assignmentId}/report-draft`), listRuns(assignmentId),
    ablationOf(assignmentId).catch(() => null),
  ]);
  return { ...loaded, draft, runs, ablation };
}

export function Report({ params }) {
  const state = useApi(() => load(params.assignmentId), [params.assignmentId]);
  return html`<${Page} title=${t('report.title') ?? ''} crumbs=${state.data ? assignmentCrumbs(state.data) : []} wide>
    <${AssignmentTabs} assignmentId=${params.assignmentId} current="report" />
    <${Async} state=${state}>${(loaded) => html`
      <${ReportEditor} assignmentId=${params.assignmentId} draft=${loaded.draft} runs=${loaded.runs}
        ablation=${loaded.ablation} />
    `}<//>
  <//>`;
}

/** The runs a report's embeds need, with their records. */
function useEmbeddedRuns(assignmentId, markdown, runs) {
  const [withData, setWithData] = useState(runs);
  const cache = useRef(new Map());
  const names = [...new Set(embedsOf(markdown).map((embed) => embed.name).filter(Boolean))].sort().join('\n');
  useEffect(() => {
    const wanted = new Set(names.split('\n'));
    // Only the newest run of each name is drawn.
    const newest = new Set(runs.filter((run, i) => runs.findIndex((r) => r.name === run.name) === i).map((r) => r.id));
    withRecords(runs, assignmentId, (run) => wanted.has(run.name) && newest.has(run.id), null, cache.current)
      .then(setWithData);
  }, [names]);
  return withData;
}

function ReportEditor({ assignmentId, draft, runs, ablation }) {
  const localKey = `backprop.report.${assignmentId}`;
  const kept = JSON.parse(localStorage.getItem(localKey) ?? 'null');
  const [markdown, setMarkdown] = useState(kept && kept.baseRevision === draft.revision ? kept.markdown : draft.markdown);
  const [revision, setRevision] = useState(draft.revision);
  const [saved, setSaved] = useState(draft.markdown);
  const [notice, setNotice] = useState(null);
  const embedded = useEmbeddedRuns(assignmentId, markdown, runs);

  async function save() {
    if (markdown === saved) {
      return;
    }
    try {
      const stored = await api(`/api/assignments/${assignmentId}/report-draft`, {
        method: 'PUT', json: { markdown, baseRevision: revision },
      });
      setRevision(stored.revision);
      setSaved(stored.markdown);
      setNotice({ kind: 'ok', text: t('report.saved', { revision: stored.revision }) });
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail });
    }
  }
  useEffect(() => {
    localStorage.setItem(localKey, JSON.stringify({ markdown, baseRevision: revision }));
    const timer = setTimeout(save, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [markdown, revision]);

  return html`<div class="report-editor">
    <section aria-labelledby="report-markdown">
      <div class="toolbar"><h2 id="report-markdown">${t('report.editor')}</h2><span class="spacer"></span>
        <button type="button" onClick=${save} data-testid="save-report">${t('report.save')}</button></div>
      <p class="muted small">${t('report.help')}</p>
      <textarea aria-labelledby="report-markdown" data-testid="report-markdown" value=${markdown} spellcheck="true"
        onInput=${(event) => setMarkdown(event.currentTarget.value)}
        onKeyDown=${(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 's') {
            event.preventDefault();
            save();
          }
        }}></textarea>
      <${Notice} notice=${notice} />
    </section>
    <section aria-labelledby="report-preview" class="preview" data-testid="report-preview">
      <div class="toolbar"><h2 id="report-preview">${t('report.preview')}</h2></div>
      <${ReportView} markdown=${markdown} runs=${embedded} ablation=${ablation} />
    </section>
  </div>`;
}
