// The report renderer students preview with and TAs read: Markdown (marked) made safe (DOMPurify), with
// {{run:NAME}}, {{ablation}} and {{confusion:NAME}} replaced by charts and tables drawn from the team's runs.
// Student text is hostile: it is sanitised after the embeds become inert placeholders, and the embeds are drawn
// by our components from run data, never from HTML the student wrote.
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { RunCurves, AblationTable, ConfusionMatrix } from './run-views.js';

const EMBED = /\{\{\s*(run|confusion):([A-Za-z0-9_.:\/\-]{1,120})\s*\}\}|\{\{\s*(ablation)\s*\}\}/g;

/** The embeds a report names, in order: [{kind: 'run' | 'confusion' | 'ablation', name}]. */
export function embedsOf(markdown) {
  return [...markdown.matchAll(EMBED)].map((m) => ({ kind: m[1] ?? m[3], name: m[2] ?? null }));
}

/** Replaces each embed with an empty placeholder element the renderer fills. */
export function withPlaceholders(markdown) {
  return markdown.replace(EMBED, (whole, kind, name, ablation) => (ablation
    ? '\n\n<div data-embed="ablation"></div>\n\n'
    : `\n\n<div data-embed="${kind}" data-name="${name}"></div>\n\n`));
}

/** The report's safe HTML: Markdown rendered, then sanitised (scripts, handlers, javascript: links removed). */
export function reportHtml(markdown, purify = DOMPurify) {
  const raw = marked.parse(withPlaceholders(markdown ?? ''), { async: false, gfm: true });
  return purify.sanitize(raw, { ADD_ATTR: ['data-embed', 'data-name'], FORBID_TAGS: ['style', 'form', 'input'] });
}

/** The newest run of the log with this name (runs come newest first). */
export function runNamed(runs, name) {
  return runs.find((run) => run.name === name) ?? null;
}

/**
 * Renders a report. {markdown, runs: [RunView with record], ablation}: the runs whose records the embeds need carry
 * them (lib/runs.js), ablation is GET …/runs/ablation's answer.
 */
export function ReportView({ markdown, runs, ablation }) {
  const holder = useRef(null);
  const safe = reportHtml(markdown);
  useEffect(() => {
    const placeholders = holder.current.querySelectorAll('[data-embed]');
    placeholders.forEach((element) => {
      const kind = element.dataset.embed;
      const run = element.dataset.name ? runNamed(runs, element.dataset.name) : null;
      let content;
      if (kind === 'ablation') {
        content = html`<${AblationTable} ablation=${ablation} />`;
      } else if (run == null || run.record == null) {
        content = html`<p class="notice error">${t('report.missingRun', { name: element.dataset.name })}</p>`;
      } else if (kind === 'run') {
        content = html`<${RunCurves} runs=${[run]} />`;
      } else {
        content = html`<${ConfusionMatrix} run=${run} />`;
      }
      render(content, element);
    });
    return () => placeholders.forEach((element) => render(null, element));
  });
  return html`<article class="report" ref=${holder} dangerouslySetInnerHTML=${{ __html: safe }}></article>`;
}
