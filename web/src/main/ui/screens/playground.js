// The playground: a scratch workspace kept in this browser, seeded with the house-price sample, that runs with the
// datasets of a course the student chooses. Nothing goes to an experiment log.
import { useMemo, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { courseRunContext, withoutDatasets } from '../lib/run-context.js';
import { Page } from '../components/page.js';
import { Async, useApi } from '../components/states.js';
import { WorkspaceEditor } from '../workspace/workspace-editor.js';
import { browserFiles } from '../workspace/file-sources.js';
import { useNnAssist } from '../workspace/nn-assist-extension.js';

const seed = async () => ({ 'Main.java': await (await fetch('/samples/Main.java')).text() });

export function Playground() {
  const courses = useApi(() => allPages('/api/courses'), []);
  const [courseId, setCourseId] = useState(null);
  const source = useMemo(() => browserFiles(localStorage, seed), []);
  const assist = useNnAssist();
  return html`<${Page} title=${t('nav.playground')} crumbs=${[{ label: t('nav.playground') }]} wide>
    <${Async} state=${courses}>${(list) => {
      const course = list.find((c) => String(c.id) === String(courseId)) ?? list[0] ?? null;
      const runContext = () => (course ? courseRunContext(course)
        : Promise.resolve({ context: withoutDatasets(t('courses.empty')), line: t('courses.empty') }));
      return html`
        ${list.length > 0 && html`<label class="inline course-choice">${t('playground.course')}
          <select data-testid="course-select" value=${course?.id} onChange=${(event) => setCourseId(event.currentTarget.value)}>
            ${list.map((c) => html`<option value=${c.id}>${c.code} ${c.title}</option>`)}
          </select></label>`}
        <${WorkspaceEditor} key=${course?.id ?? 'none'} source=${source} mainClass="Main" runContext=${runContext}
          logAssignmentId=${null} extensions=${assist} />`;
    }}<//>
  <//>`;
}
