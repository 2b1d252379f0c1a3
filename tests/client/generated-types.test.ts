/**
 * The client's response types are generated from the OpenAPI document (types/openapi.json), so
 * they cannot drift from what the server answers: this fails until `npm run generate-types`
 * (in packages/client) is run after the document changes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

it('packages/client/src/openapi.ts is what openapi-typescript makes of types/openapi.json', () => {
  const generated = execFileSync(path.join('node_modules', '.bin', 'openapi-typescript'), [path.join('types', 'openapi.json')], { encoding: 'utf8' });
  expect(generated).toBe(fs.readFileSync(path.join('packages', 'client', 'src', 'openapi.ts'), 'utf8'));
});
