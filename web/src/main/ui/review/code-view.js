// Java source, read only: line numbers, colours from desk.js's tokenizer, and matched lines marked.
import { html } from '../lib/html.js';
import { javaLines } from './desk.js';

/**
 * {text, from, to, marked(lineNumber), label}: lines {@code from}..{@code to} (1-based, inclusive; all by default) of
 * {@code text}.
 */
export function CodeView({ text, from = 1, to = null, marked = () => false, label, testId }) {
  const lines = javaLines(text);
  const last = Math.min(to ?? lines.length, lines.length);
  const shown = [];
  for (let number = Math.max(1, from); number <= last; number++) {
    shown.push(html`<div class=${marked(number) ? 'line matched' : 'line'} key=${number} data-line=${number}>
      <span class="number" aria-hidden="true">${number}</span><code>${lines[number - 1].map((token) => (token.kind
        ? html`<span class=${`tok-${token.kind}`}>${token.text}</span>` : token.text))}</code></div>`);
  }
  return html`<pre class="code-view" aria-label=${label} data-testid=${testId} tabindex="0">${shown}</pre>`;
}
