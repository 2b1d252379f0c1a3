/**
 * Validates XML against an XML Schema with libxml2's `xmllint` (Debian package libxml2-utils),
 * a validator independent of the code that wrote the XML.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const IATI_ACTIVITIES_XSD = path.join(process.cwd(), 'tests/fixtures/iati-2.03/iati-activities-schema.xsd');

/** xmllint's verdict: `ok` and, when not, what it said. */
export function validateXml(xml: string, schema: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (apt-get install -y libxml2-utils): ${run.error.message}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
