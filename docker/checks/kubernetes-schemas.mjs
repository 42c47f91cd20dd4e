// Validates Kubernetes objects against the published OpenAPI schemas of Kubernetes (npm kubernetes-models), KEDA
// (@kubernetes-models/keda) and CloudNativePG (@kubernetes-models/cloudnative-pg), and refuses fields those schemas
// do not declare, as the API server's strict field validation (kubectl's default) does.
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';

const MODELS = new Map([Namespace, PersistentVolumeClaim, Secret, Service, Deployment, NetworkPolicy,
  PodDisruptionBudget, ScaledObject, TriggerAuthentication, Cluster]
  .map((model) => [`${model.apiVersion} ${model.kind}`, model]));

/** Returns the schema's complaints about the object, each as "path message"; none when it is valid. */
function schemaErrors(Model, object) {
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    if (!Array.isArray(error.errors)) {
      throw error;
    }
    return error.errors.map((e) => ({ path: e.instancePath, text: `${e.instancePath || '/'} ${e.message}` }));
  }
}

function setAt(object, path, value) {
  const copy = structuredClone(object);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key];
  }
  node[path.at(-1)] = value;
  return copy;
}

function pointer(path) {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * Returns the paths of the object's fields that the schema does not declare. The schemas allow unknown properties,
 * so each field is probed instead: its value is replaced by a value of a type no declared field of it accepts
 * (true, then a string); a declared field makes the schema complain at its path, an undeclared one accepts anything.
 * Entries of free maps (labels, trigger metadata) are declared as "any string", so they are never reported.
 */
function undeclaredFields(Model, object) {
  const found = [];
  const visit = (value, path) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (value === null || typeof value !== 'object') {
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      if (path.length === 0 && (key === 'apiVersion' || key === 'kind')) {
        continue;
      }
      const at = pointer(childPath);
      const declared = [true, '\u0000probe'].some((probe) => schemaErrors(Model, setAt(object, childPath, probe))
          .some((error) => error.path === at));
      if (!declared) {
        found.push(at);
      } else {
        visit(child, childPath);
      }
    }
  };
  visit(object, []);
  return found;
}

/** Returns the problems of one object: no schema for its kind, schema violations, undeclared fields. */
export function validateObject(object) {
  const Model = MODELS.get(`${object.apiVersion} ${object.kind}`);
  if (!Model) {
    return [`no schema for ${object.apiVersion} ${object.kind} (known: ${[...MODELS.keys()].join(', ')})`];
  }
  return [...schemaErrors(Model, object).map((error) => error.text),
    ...undeclaredFields(Model, object).map((path) => `${path} is not a field of ${object.apiVersion} ${object.kind}`)];
}
