/**
 * What the history and translation panels, the field marks and the translations page say, in
 * English (each message's defaultMessage); ./translations.ts has the other interface languages.
 * Ids are the plugin's (`content-history.*`).
 */
const message = (id: string, defaultMessage: string) => ({ id: `content-history.${id}`, defaultMessage });

export const messages = {
  title: message('panel.title', 'History'),
  listLabel: message('panel.list', 'Versions of this language version, newest first'),
  none: message('panel.empty', 'No change of this language version is recorded yet.'),
  loadFailed: message('panel.failed', 'The history could not be loaded.'),
  older: message('panel.older', 'Show older versions'),
  fields: message('version.fields', 'Fields: {fields}'),
  moreFields: message('version.moreFields', '{fields} and {count} more'),
  noFields: message('version.noFields', 'no field changed'),

  draft: message('status.draft', 'Draft'),
  published: message('status.published', 'Published'),

  'action.create': message('action.create', 'Created'),
  'action.update': message('action.update', 'Edited'),
  'action.publish': message('action.publish', 'Published'),
  'action.unpublish': message('action.unpublish', 'Unpublished'),
  'action.delete': message('action.delete', 'Deleted'),
  'action.discardDraft': message('action.discardDraft', 'Draft discarded'),
  'action.clone': message('action.clone', 'Copied'),

  'path.panel': message('path.panel', 'in the panel'),
  'path.rest': message('path.rest', 'through the API'),
  'path.graphql': message('path.graphql', 'through GraphQL'),
  'path.import': message('path.import', 'by the import'),
  'path.scheduler': message('path.scheduler', 'by scheduled publishing'),
  'path.restore': message('path.restore', 'restored from the history'),
  'path.system': message('path.system', 'by the system'),

  token: message('actor.token', 'API token “{name}”'),
  unknown: message('actor.unknown', 'unknown'),

  versionTitle: message('version.title', 'Version of {time}'),
  close: message('version.close', 'Close'),
  loading: message('version.loading', 'Loading…'),
  versionFailed: message('version.failed', 'This version could not be loaded.'),
  compareTo: message('diff.compareTo', 'Compared with'),
  previous: message('diff.previous', 'the version before it'),
  compareHint: message('diff.compareHint', 'What changed from the version compared with to this one.'),
  first: message('diff.first', 'The first version recorded: every field as it was written.'),
  same: message('diff.same', 'No field differs from the version compared with.'),
  removal: message('diff.removal', 'This version records that this language version was unpublished or deleted: it has no content to show or restore.'),
  added: message('diff.added', 'added'),
  removed: message('diff.removed', 'removed'),
  legend: message('diff.legend', 'In texts:'),
  before: message('diff.before', 'Version of {time}'),
  after: message('diff.after', 'This version'),
  empty: message('diff.empty', '(empty)'),
  yes: message('value.yes', 'Yes'),
  no: message('value.no', 'No'),

  restoreVersion: message('restore.version', 'Restore this version'),
  restoreField: message('restore.field', 'Restore this field'),
  restoreFieldNamed: message('restore.fieldNamed', 'Restore this field: {field}'),
  confirmTitle: message('restore.confirm.title', 'Restore into the draft'),
  confirmVersion: message(
    'restore.confirm.version',
    'The draft of this language version gets every field as it was in the version of {time}. The published version does not change: publish when you have checked the draft. Unsaved changes in the form are lost.'
  ),
  confirmField: message(
    'restore.confirm.field',
    'The draft gets “{field}” as it was in the version of {time}; the other fields stay as they are. The published version does not change. Unsaved changes in the form are lost.'
  ),
  confirm: message('restore.confirm.button', 'Restore'),
  restoredVersion: message('restore.done.version', 'The version of {time} is back in the draft.'),
  restoredField: message('restore.done.field', '“{field}” is back in the draft.'),
  refused: message('restore.refused', 'Not restored: {reason}'),

  // The content languages, as a sentence names them ("source: Bosnian").
  'language.bs': message('language.bs', 'Bosnian'),
  'language.hr': message('language.hr', 'Croatian'),
  'language.sr-Latn': message('language.sr-Latn', 'Serbian, Latin'),
  'language.sr-Cyrl': message('language.sr-Cyrl', 'Serbian, Cyrillic'),
  'language.en': message('language.en', 'English'),

  // A translated field's state, at its label and in the overview's columns.
  'state.originals': message('state.originals', 'Originals'),
  'state.fresh': message('state.fresh', 'Up to date'),
  'state.stale': message('state.stale', 'Out of date'),
  'state.missing': message('state.missing', 'Text missing'),
  'state.untracked': message('state.untracked', 'Not tracked'),
  'state.untranslated': message('state.untranslated', 'Not translated'),
  markStale: message('mark.stale', 'The source text ({language}) changed on {time}, after this was translated: the Translation panel shows what changed.'),
  markMissing: message('mark.missing', 'The source text ({language}) has this field; this language version leaves it empty.'),

  translationTitle: message('translation.title', 'Translation'),
  translationFailed: message('translation.failed', 'The translation state could not be loaded.'),
  isSource: message('translation.source', 'This is the source version ({language}): the other languages are translated from it.'),
  untracked: message('translation.untracked', 'No field of this language version is compared with a source: it has not been saved since translations have been tracked.'),
  allFresh: message('translation.fresh', 'Every translated field is up to date with the source ({language}).'),
  toCheck: message('translation.toCheck', 'Fields to check against the source ({language}): {count}'),
  fieldList: message('translation.list', 'Fields out of date or missing'),
  staleSince: message('translation.staleSince', 'Out of date: the source changed on {time}.'),
  missingText: message('translation.missingText', 'Text missing: the source has text here, this version none.'),
  sourceThen: message('translation.then', 'Source ({language}) when translated'),
  sourceNow: message('translation.now', 'Source ({language}) now'),
  sideBySide: message('translation.sideBySide', 'Side by side'),
  sideBySideNamed: message('translation.sideBySideNamed', 'Side by side: {field}'),
  markFresh: message('translation.markFresh', 'Mark as up to date'),
  markFreshNamed: message('translation.markFreshNamed', 'Mark as up to date: {field}'),
  markAllFresh: message('translation.markAllFresh', 'Mark all as up to date'),
  confirmFreshTitle: message('translation.confirm.title', 'Is the translation still correct?'),
  confirmFreshField: message(
    'translation.confirm.field',
    '“{field}” is marked as up to date with the source as it is now. Do this when the translation still says what the source says: no text changes.'
  ),
  confirmFreshAll: message(
    'translation.confirm.all',
    'These fields are marked as up to date with the source as it is now: {fields}. Do this when the translation still says what the source says: no text changes.'
  ),
  confirmFresh: message('translation.confirm.button', 'Mark as up to date'),
  markedField: message('translation.done.field', '“{field}” is marked as up to date.'),
  markedAll: message('translation.done.all', 'The fields are marked as up to date.'),
  markRefused: message('translation.refused', 'Not marked: {reason}'),

  coverageMenu: message('coverage.menu', 'Translations'),
  coverageTitle: message('coverage.title', 'Translations'),
  coverageSubtitle: message('coverage.subtitle', 'How up to date the language versions are, per content type'),
  coverageIntro: message(
    'coverage.intro',
    'Each language version is counted once. Up to date: every translated field matches the source text it was translated from. Out of date: the source changed since. Text missing: the source has a field this version leaves empty. Originals: the versions the others are translated from (the Bosnian one, or the first written when there is none). Not tracked: not saved since translations have been tracked. Not translated: documents without this language version. A number opens the documents behind it.'
  ),
  coverageFailed: message('coverage.failed', 'The overview could not be loaded.'),
  coverageNone: message('coverage.none', 'There is no translated content you may read.'),
  coverageLanguage: message('coverage.language', 'Language'),
  coverageVersions: message('coverage.versions', 'Versions'),
  coverageSourceLanguage: message('coverage.sourceLanguage', 'source language'),
  coverageShow: message('coverage.show', '{count}: show the documents ({state}, {language})'),
  coverageListTitle: message('coverage.list.title', '{type}, {language}: {state}'),
  coverageListEmpty: message('coverage.list.empty', 'No document is in this state any more.'),
  coverageListMore: message('coverage.list.more', 'The first {shown} of {total} are listed.'),
  coverageListUntitled: message('coverage.list.untitled', '(no title)'),
  coverageListOtherLanguage: message('coverage.list.otherLanguage', '{title} (title in {language})'),
};

export type MessageKey = keyof typeof messages;
