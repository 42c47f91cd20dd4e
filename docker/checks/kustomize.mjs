// Reads a kustomization the way `kustomize build` does for the fields our manifests use: resources (files and
// other kustomizations), namespace, labels (metadata only) and JSON 6902 patches with a target. A field it does not
// know is a problem, so that no part of a kustomization goes unchecked. kustomize itself is not on the build machines.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { applyJsonPatch } from './json-patch.mjs';
import { readYamlDocuments } from './yaml-files.mjs';

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'labels', 'resources', 'patches']);
const CLUSTER_SCOPED_KINDS = new Set(['Namespace']);

function describe(object) {
  return `${object.kind} ${object.metadata?.name}`;
}

function matches(object, target) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  return (target.group ?? '') === group && (target.version === undefined || target.version === version)
      && target.kind === object.kind && target.name === object.metadata?.name;
}

/**
 * Builds the kustomization in dir. Returns the objects it yields, each with the file it came from, and the problems
 * found (files named from the folder above dir): a missing resource or patch file, a patch whose target is not
 * exactly one object, a patch that does not apply.
 */
export function build(dir, root = dirname(dir)) {
  const where = relative(root, dir);
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) {
    return { objects: [], problems: [`${where}: no kustomization.yaml`] };
  }
  const [kustomization] = readYamlDocuments(file);
  const problems = [];
  if (kustomization.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || kustomization.kind !== 'Kustomization') {
    problems.push(`${where}/kustomization.yaml: not a kustomize.config.k8s.io/v1beta1 Kustomization`);
  }
  for (const field of Object.keys(kustomization)) {
    if (!KNOWN_FIELDS.has(field)) {
      problems.push(`${where}/kustomization.yaml: field ${field} is not read by these checks`);
    }
  }
  if ((kustomization.labels ?? []).some((label) => label.includeSelectors || label.includeTemplates)) {
    problems.push(`${where}/kustomization.yaml: labels that reach selectors or templates are not read by these checks`);
  }
  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    if (!existsSync(path)) {
      problems.push(`${where}/kustomization.yaml: resource ${resource} does not exist`);
    } else if (statSync(path).isDirectory()) {
      const nested = build(path, root);
      objects.push(...nested.objects);
      problems.push(...nested.problems);
    } else {
      objects.push(...readYamlDocuments(path).map((object) => ({ object, source: relative(root, path) })));
    }
  }
  for (const patch of kustomization.patches ?? []) {
    const path = join(dir, patch.path ?? '');
    if (!patch.path || !existsSync(path)) {
      problems.push(`${where}/kustomization.yaml: patch ${patch.path} does not exist`);
      continue;
    }
    const targets = objects.filter(({ object }) => patch.target && matches(object, patch.target));
    if (targets.length !== 1) {
      problems.push(`${where}/kustomization.yaml: patch ${patch.path} targets ${JSON.stringify(patch.target)}, which `
          + `matches ${targets.length} objects of its resources, not one`);
      continue;
    }
    const [operations] = readYamlDocuments(path);
    try {
      targets[0].object = applyJsonPatch(targets[0].object, operations);
    } catch (error) {
      problems.push(`${where}/${patch.path} on ${describe(targets[0].object)}: ${error.message}`);
    }
  }
  objects = objects.map(({ object, source }) => ({ object: decorate(object, kustomization), source }));
  return { objects, problems };
}

function decorate(original, kustomization) {
  const object = structuredClone(original);
  object.metadata ??= {};
  if (kustomization.namespace && !CLUSTER_SCOPED_KINDS.has(object.kind)) {
    object.metadata.namespace = kustomization.namespace;
  }
  for (const label of kustomization.labels ?? []) {
    object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
  }
  return object;
}
