// A screen inside the layout: the layout's header reads the session from the app's context.
import { html } from '../lib/html.js';
import { useApp } from '../lib/app-context.js';
import { Layout } from './layout.js';
import { useEffect } from 'preact/hooks';

export function Page({ title, crumbs, children, wide = false }) {
  const app = useApp();
  useEffect(() => {
    document.title = title ? `${title} · Backprop` : 'Backprop';
  }, [title]);
  return html`<${Layout} session=${app.session} onSignOut=${app.signOut} onLanguage=${app.setLanguage}
    crumbs=${crumbs}>
    <div class=${wide ? 'page wide' : 'page'}>${children}</div>
  <//>`;
}
