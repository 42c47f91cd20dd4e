// YAML files as plain objects, for the checks of the Compose file and the Kubernetes manifests.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** Returns the YAML documents of a file as plain objects; a syntax error is thrown with the file's name. */
export function readYamlDocuments(file) {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
  }
  return documents.map((document) => document.toJS()).filter((object) => object !== null);
}
