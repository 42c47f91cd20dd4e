// The console's datasets tab: import with a progress bar (the upload's bytes, then the server's conversion), each
// dataset's splits with their counts and the hidden one marked, and a grid of sample images per class. The samples
// are decoded here from the first shard of a split students see (staff may fetch any shard): the shard is uint8
// pixels and int32 labels, a few MB at most, so the browser draws them on <canvas> without a server-side renderer.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { courseTime } from '../lib/time.js';
import { Async, Empty, ErrorBox, Loading, Notice, useApi } from '../components/states.js';
import { ConsolePage } from './console-page.js';
import { uploadWithProgress } from './upload.js';
import { readShard, samplesPerClass, toRgba } from './shard.js';
import { PretrainedSection } from './pretrained-section.js';

const PER_CLASS = 6;
const MAX_SHARDS = 3;

function ImportForm({ course, onImported }) {
  const [progress, setProgress] = useState(null);
  const [notice, setNotice] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    for (const [key, value] of [...form.entries()]) {
      if (typeof value === 'string' && value.trim() === '') {
        form.delete(key);
      }
    }
    setNotice(null);
    setProgress({ loaded: 0, total: 0, sent: false });
    try {
      const dataset = await uploadWithProgress(`/api/courses/${course.id}/datasets`, form, setProgress);
      setNotice({ kind: 'ok', text: t('console.datasets.imported', { name: dataset.name, version: dataset.version,
        splits: dataset.splits.map((s) => `${s.name} ${s.examples}`).join(', ') }) });
      onImported(dataset);
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail ?? error.message });
    } finally {
      setProgress(null);
    }
  };
  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : null;
  return html`<form class="card ic-span" onSubmit=${submit} data-testid="dataset-import">
    <h2>${t('console.datasets.import')}</h2>
    <div class="ic-grid ic-fields">
      <label>${t('console.datasets.format')}<select name="format" required>
        <option value="idx">${t('console.datasets.idx')}</option>
        <option value="tfds">${t('console.datasets.tfds')}</option>
        <option value="image-folder">${t('console.datasets.folder')}</option></select></label>
      <label>${t('console.datasets.files')}<input type="file" name="file" multiple required /></label>
      <label>${t('console.datasets.name')}<input name="name" pattern="[A-Za-z0-9_.\\-]+" placeholder="fashion_mnist" /></label>
      <label>${t('console.datasets.version')}<input name="version" placeholder="1.0.0" /></label>
      <label>${t('console.datasets.hidden')}<input name="hiddenSplit" placeholder="test" /></label>
      <label>${t('console.datasets.classNames')}<input name="classNames" placeholder="T-shirt, Trouser, …" /></label>
      <label>${t('console.datasets.height')}<input name="height" type="number" min="1" max="4096" /></label>
      <label>${t('console.datasets.width')}<input name="width" type="number" min="1" max="4096" /></label>
      <label>${t('console.datasets.channels')}<select name="channels"><option value="">${t('console.datasets.asFirst')}</option>
        <option value="1">1</option><option value="3">3</option></select></label>
    </div>
    <p class="muted small">${t('console.datasets.help')}</p>
    <button type="submit" disabled=${progress !== null}>${t('console.datasets.importButton')}</button>
    ${progress && html`<div class="ic-progress" data-testid="upload-progress">
      <label>${progress.sent ? t('console.datasets.converting') : t('console.datasets.uploading', { percent: percent ?? 0 })}
        <progress max="100" value=${progress.sent ? undefined : percent ?? undefined} data-percent=${progress.sent ? 'converting' : String(percent ?? 0)}></progress></label>
    </div>`}
    <${Notice} notice=${notice} />
  </form>`;
}

/** One class's sample images, drawn from the decoded shard into canvases scaled up without smoothing. */
function SampleRow({ shard, className, indices }) {
  const holder = useRef(null);
  useEffect(() => {
    holder.current.querySelectorAll('canvas').forEach((canvas, i) => {
      canvas.getContext('2d').putImageData(new ImageData(toRgba(shard, indices[i]), shard.width, shard.height), 0, 0);
    });
  }, [shard, indices]);
  return html`<tr><th scope="row">${className}</th><td ref=${holder} class="ic-samples">
    ${indices.length === 0 ? html`<span class="muted">${t('console.datasets.noSamples')}</span>`
      : indices.map((index) => html`<canvas width=${shard.width} height=${shard.height} data-label=${className}
        title=${`${className} #${index}`}></canvas>`)}</td></tr>`;
}

/** Downloads the first shards of a split until every class has samples (or MAX_SHARDS), merging what they hold. */
async function loadSamples(courseId, dataset) {
  const manifest = await api(`/api/courses/${courseId}/datasets/${encodeURIComponent(dataset.name)}/${encodeURIComponent(dataset.version)}/manifest`);
  const split = manifest.splits.find((s) => !s.hidden && s.shards.length > 0) ?? manifest.splits.find((s) => s.shards.length > 0);
  const rows = [];
  for (const ref of split.shards.slice(0, MAX_SHARDS)) {
    const response = await api(`/api/datasets/shards/${ref.sha256}`, { raw: true });
    const shard = readShard(await response.arrayBuffer());
    const picks = samplesPerClass(shard, manifest.classNames.length, PER_CLASS);
    picks.forEach((indices, label) => {
      const have = rows[label]?.indices.length ?? 0;
      if (have === 0 && indices.length > 0) {
        rows[label] = { shard, indices: indices.slice(0, PER_CLASS) };
      }
    });
    if (manifest.classNames.every((_, label) => rows[label])) {
      break;
    }
  }
  return { split: split.name, classNames: manifest.classNames, rows };
}

function SampleGrid({ course, dataset }) {
  const state = useApi(() => loadSamples(course.id, dataset), [dataset.name, dataset.version]);
  if (state.error) {
    return html`<${ErrorBox} error=${state.error} retry=${state.reload} />`;
  }
  if (!state.data) {
    return html`<${Loading} />`;
  }
  const { split, classNames, rows } = state.data;
  return html`<table class="data ic-sample-grid" data-testid="sample-grid" data-split=${split}>
    <caption>${t('console.datasets.samples', { split })}</caption>
    <tbody>${classNames.map((name, label) => html`<${SampleRow} key=${label} className=${name}
      shard=${rows[label]?.shard} indices=${rows[label]?.indices ?? []} />`)}</tbody>
  </table>`;
}

function DatasetCard({ course, dataset, open, onToggle }) {
  const total = dataset.splits.reduce((sum, s) => sum + s.examples, 0);
  return html`<li class="card" data-testid="dataset" data-name=${dataset.name}>
    <h3>${dataset.name} <small class="muted">${dataset.version}</small></h3>
    <p class="muted small">${t('console.datasets.shape', { shape: dataset.imageShape.join(' × '), classes: dataset.classNames.length,
      time: courseTime(dataset.createdAt, course.timeZone).main })}</p>
    <table class="data" data-testid="splits">
      <thead><tr><th scope="col">${t('console.datasets.split')}</th><th scope="col">${t('console.datasets.examples')}</th><th></th></tr></thead>
      <tbody>${dataset.splits.map((split) => html`<tr data-split=${split.name} data-hidden=${split.hidden}>
        <th scope="row">${split.name}</th><td class="number">${split.examples.toLocaleString()}</td>
        <td>${split.hidden && html`<span class="tag ic-hidden" title=${t('console.datasets.hiddenHelp')}>${t('console.datasets.hiddenTag')}</span>`}</td></tr>`)}
        <tr><th scope="row">${t('console.datasets.total')}</th><td class="number">${total.toLocaleString()}</td><td></td></tr></tbody>
    </table>
    <p class="muted small">${t('console.datasets.classes', { names: dataset.classNames.join(', ') })}</p>
    <button type="button" class="secondary small" aria-expanded=${open} onClick=${onToggle} data-testid="show-samples">
      ${t(open ? 'console.datasets.hideSamples' : 'console.datasets.showSamples')}</button>
    ${open && html`<${SampleGrid} course=${course} dataset=${dataset} />`}
  </li>`;
}

export function DatasetsTab({ params }) {
  const state = useApi(`/api/courses/${params.courseId}/datasets`, [params.courseId]);
  const [open, setOpen] = useState(null);
  const key = (dataset) => `${dataset.name}:${dataset.version}`;
  return html`<${ConsolePage} courseId=${params.courseId} tab="datasets">${({ course, can }) => html`
    ${can.importDatasets && html`<${ImportForm} course=${course} onImported=${(dataset) => { setOpen(key(dataset)); state.reload(); }} />`}
    <h2>${t('console.datasets.title')}</h2>
    <${Async} state=${state}>${(datasets) => (datasets.length === 0 ? html`<${Empty}>${t('console.datasets.none')}<//>`
      : html`<ul class="cards ic-datasets">${datasets.map((dataset) => html`<${DatasetCard} key=${key(dataset)} course=${course}
          dataset=${dataset} open=${open === key(dataset)} onToggle=${() => setOpen(open === key(dataset) ? null : key(dataset))} />`)}</ul>`)}<//>
    <${PretrainedSection} course=${course} canPublish=${can.publishPretrained} />
  `}<//>`;
}
