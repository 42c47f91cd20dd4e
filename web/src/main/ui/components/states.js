// The one way screens show data that is on its way: useApi() fetches, <Async> shows loading, the server's error
// (with a retry) or the content; <Empty> says what to do when there is nothing yet; <Notice> confirms what an action
// did or why it did not.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';

/**
 * Fetches {@code load()} (a function returning a promise, or an API path) when the dependencies change; returns
 * {data, error, loading, reload, setData}.
 */
export function useApi(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const run = useCallback(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    (typeof load === 'string' ? api(load) : load()).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error) => current && setState({ data: undefined, error, loading: false }));
    return () => { current = false; };
  }, deps);
  useEffect(run, [run]);
  const setData = (update) => setState((previous) => ({
    ...previous, data: typeof update === 'function' ? update(previous.data) : update,
  }));
  return { ...state, reload: run, setData };
}

export function Loading() {
  return html`<p class="state loading" role="status" aria-live="polite">${t('state.loading')}</p>`;
}

export function ErrorBox({ error, retry }) {
  return html`<div class="state error" role="alert">
    <p>${error?.detail ?? error?.message ?? String(error)}</p>
    ${retry && html`<button type="button" class="secondary" onClick=${retry}>${t('state.retry')}</button>`}
  </div>`;
}

export function Empty({ children }) {
  return html`<p class="state empty">${children}</p>`;
}

/** Shows loading, the error or {@code children(data)} for a useApi() state. */
export function Async({ state, children }) {
  if (state.error) {
    return html`<${ErrorBox} error=${state.error} retry=${state.reload} />`;
  }
  if (state.data === undefined) {
    return html`<${Loading} />`;
  }
  return children(state.data);
}

/** A confirmation or a refusal of an action, announced to screen readers. {kind: 'ok' | 'error', text}. */
export function Notice({ notice }) {
  if (!notice) {
    return null;
  }
  return html`<p class=${`notice ${notice.kind}`} role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</p>`;
}

/** Runs an action and turns its outcome into a Notice: {ok(result) → text} on success, the server's words on failure. */
export async function attempt(action, ok, setNotice) {
  try {
    const result = await action();
    setNotice({ kind: 'ok', text: ok(result) });
    return result;
  } catch (error) {
    setNotice({ kind: 'error', text: error.detail ?? error.message });
    return undefined;
  }
}
