/**
 * The Content Manager's help texts under each field in each staff member's interface language (the
 * panel asks for labels and type names as messages, src/admin/translations, but shows the stored
 * help text as it is). Strapi stores one text per field (the English, applied at start by
 * ./index.ts); these answers are rewritten per reader, labels with them for the view settings.
 */
import type { ContentTexts, FieldText } from './texts';

type Metadata = { edit?: { label?: string; description?: string }; list?: { label?: string } };
type View = { uid?: string; metadatas?: Record<string, Metadata> };

export type ConfigurationAnswer = { data?: { contentType?: View; component?: View; components?: Record<string, View> } };

function localizeMetadatas(view: View | undefined, fields: Record<string, FieldText> | undefined): void {
  if (!view?.metadatas || !fields) return;
  for (const [field, text] of Object.entries(fields)) {
    const metadata = view.metadatas[field];
    if (!metadata) continue;
    if (metadata.edit) {
      metadata.edit.label = text.label;
      if (text.description !== undefined) metadata.edit.description = text.description;
    }
    if (metadata.list) metadata.list.label = text.label;
  }
}

/** `/content-manager/{content-types,components}/:uid/configuration`: labels and help texts. */
export function localizeConfiguration(answer: ConfigurationAnswer, texts: ContentTexts): void {
  const data = answer.data;
  if (!data) return;
  if (data.contentType?.uid) localizeMetadatas(data.contentType, texts.types[data.contentType.uid]?.fields);
  if (data.component?.uid) localizeMetadatas(data.component, texts.components[data.component.uid]?.fields);
  for (const [uid, component] of Object.entries(data.components ?? {})) localizeMetadatas(component, texts.components[uid]?.fields);
}
