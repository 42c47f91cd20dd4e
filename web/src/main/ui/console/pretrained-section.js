// The console's pretrained models, next to the datasets: staff publish a saved model (.bpm) under a name and
// version, and see what each published model is (parameters, input shape, layer summary) and how programs load it.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { formatSize } from '../lib/sizes.js';
import { courseTime } from '../lib/time.js';
import { Async, Empty, Notice, useApi } from '../components/states.js';
import { uploadWithProgress } from './upload.js';

function PublishForm({ course, onPublished }) {
  const [progress, setProgress] = useState(null);
  const [notice, setNotice] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setNotice(null);
    setProgress({ loaded: 0, total: 0, sent: false });
    try {
      const model = await uploadWithProgress(`/api/courses/${course.id}/pretrained`, form, setProgress);
      setNotice({ kind: 'ok', text: t('console.pretrained.published', { name: model.name, version: model.version,
        params: model.parameterCount.toLocaleString() }) });
      onPublished(model);
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail ?? error.message });
    } finally {
      setProgress(null);
    }
  };
  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return html`<form class="card ic-span" onSubmit=${submit} data-testid="pretrained-publish">
    <h2>${t('console.pretrained.publish')}</h2>
    <div class="ic-grid ic-fields">
      <label>${t('console.pretrained.file')}<input type="file" name="file" accept=".bpm,.keras" required /></label>
      <label>${t('console.datasets.name')}<input name="name" required pattern="[A-Za-z0-9_.\\-]+" placeholder="vgg16" /></label>
      <label>${t('console.datasets.version')}<input name="version" required pattern="[A-Za-z0-9_.\\-]+" placeholder="1.0.0" /></label>
    </div>
    <p class="muted small">${t('console.pretrained.help')}</p>
    <button type="submit" disabled=${progress !== null}>${t('console.pretrained.publishButton')}</button>
    ${progress && html`<div class="ic-progress"><label>${progress.sent ? t('console.pretrained.checking')
      : t('console.datasets.uploading', { percent })}<progress max="100" value=${progress.sent ? undefined : percent}></progress></label></div>`}
    <${Notice} notice=${notice} />
  </form>`;
}

function ModelCard({ course, model }) {
  return html`<li class="card" data-testid="pretrained-model" data-name=${model.name}>
    <h3>${model.name} <small class="muted">${model.version}</small></h3>
    <p class="muted small">${t('console.pretrained.facts', { params: model.parameterCount.toLocaleString(),
      shape: model.inputShape.join(' × '), size: formatSize(model.bytes), who: model.createdBy,
      time: courseTime(model.createdAt, course.timeZone).main })}</p>
    <p class="small">${t('console.pretrained.load')} <code>Pretrained.load("${model.name}")</code></p>
    <details><summary>${t('console.pretrained.summary')}</summary><pre class="small">${model.summary}</pre></details>
  </li>`;
}

/** The published models and, for staff, the form that publishes one. */
export function PretrainedSection({ course, canPublish }) {
  const state = useApi(`/api/courses/${course.id}/pretrained`, [course.id]);
  return html`<section data-testid="pretrained">
    ${canPublish && html`<${PublishForm} course=${course} onPublished=${() => state.reload()} />`}
    <h2>${t('console.pretrained.title')}</h2>
    <${Async} state=${state}>${(models) => (models.length === 0 ? html`<${Empty}>${t('console.pretrained.none')}<//>`
      : html`<ul class="cards ic-datasets">${models.map((model) => html`<${ModelCard}
          key=${`${model.name}:${model.version}`} course=${course} model=${model} />`)}</ul>`)}<//>
  </section>`;
}
