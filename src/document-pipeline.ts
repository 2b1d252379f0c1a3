/**
 * Every Document Service middleware of the app, in the order it runs: each wraps the ones after
 * it, so a read or a write passes them top to bottom on its way to the database (the audit log
 * and webhooks plugins register theirs before the app does, around all of these).
 *
 * Reads (content API, GraphQL, Content Manager, feeds): checked for their shape, narrowed to
 * what the caller may see, their text sorts turned into sort keys for the reader's language
 * (before fallback, which reads across languages), answered along the locale chain, narrowed
 * to what `q` finds. Writes: checked against the writer's rights first, then the place of a page
 * or menu item in its tree, a resource's file and an indicator's periods, their shared fields,
 * slug, dates, naming field, scripts and new language versions, and after they are written,
 * sort keys and search index follow.
 */
import type { Core, Modules } from '@strapi/strapi';
import { sortByCollation, sortKeyMaintenance } from './collation';
import { dateFieldValidation } from './content-api/date-fields';
import { localeFallback } from './content-api/locale-fallback';
import { sharedAcrossLocales } from './content-api/locale-versions';
import { servedVersionMaintenance } from './content-api/served-versions';
import { mixedScriptCheck } from './content-api/mixed-script-check';
import { namedDocuments } from './content-api/named-documents';
import { publishedOnly } from './content-api/published-only';
import { queryShapeCheck } from './content-api/query-shape';
import { localeCreationCheck } from './permissions/locale-creation';
import { writeRights } from './permissions/write-rights';
import { searchIndexMaintenance, searchQuery } from './search';
import { resourceChecks } from './resources';
import { indicatorChecks } from './results';
import { menuTreeRules, pageTreeRules } from './site-structure/tree-rules';
import { slugGeneration } from './slugs';

type Step = { name: string; make: (strapi: Core.Strapi) => Modules.Documents.Middleware.Middleware };

export const DOCUMENT_PIPELINE: Step[] = [
  { name: 'query shape', make: queryShapeCheck },
  { name: 'published only', make: publishedOnly },
  { name: 'sort by collation', make: sortByCollation },
  { name: 'sort key maintenance', make: sortKeyMaintenance },
  { name: 'locale fallback', make: localeFallback },
  { name: 'served version maintenance', make: servedVersionMaintenance },
  { name: 'write rights', make: writeRights },
  { name: 'page tree', make: pageTreeRules },
  { name: 'menu tree', make: menuTreeRules },
  { name: 'resource file', make: resourceChecks },
  { name: 'indicator periods', make: indicatorChecks },
  { name: 'shared across locales', make: sharedAcrossLocales },
  { name: 'slug generation', make: slugGeneration },
  { name: 'search index maintenance', make: searchIndexMaintenance },
  { name: 'search query', make: searchQuery },
  { name: 'date fields', make: dateFieldValidation },
  { name: 'named documents', make: namedDocuments },
  { name: 'mixed scripts', make: mixedScriptCheck },
  { name: 'locale creation', make: localeCreationCheck },
];

export function registerDocumentPipeline(strapi: Core.Strapi): void {
  for (const step of DOCUMENT_PIPELINE) strapi.documents.use(step.make(strapi));
}
