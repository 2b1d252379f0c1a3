/**
 * What the history panel says, in English (each message's defaultMessage); ./translations.ts has
 * the other interface languages. Ids are the plugin's (`content-history.*`).
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
};

export type MessageKey = keyof typeof messages;
