/**
 * The panel in the editors' languages: Strapi's own messages (translated in strapi/*.json, keyed as
 * Strapi's packages key them) with this CMS's messages over them.
 */
import strapiBs from './strapi/bs.json';
import strapiHr from './strapi/hr.json';
import strapiSrLatn from './strapi/sr-Latn.json';
import { contentTexts } from '../../content-manager/texts';
import { messagesToCyrillic } from './cyrillic';
import { spisMessages } from './spis';

import { INTERFACE_LANGUAGE_CODES } from '../../interface-language';

/** Interface languages besides English (always there), as the admin's `config.locales` names them. */
export const INTERFACE_LANGUAGES = INTERFACE_LANGUAGE_CODES.filter((language) => language !== 'en');

/** Each language's name in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  bs: 'Bosanski',
  hr: 'Hrvatski',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
};

/**
 * The names editors read for each type, field and enumeration value, as the Content Manager asks
 * for them: `content-manager.content-types.<uid>.<field>` for a field's label, the type's English
 * name for the type, the value itself for an enumeration value.
 */
function contentMessages(language: string): Record<string, string> {
  const texts = contentTexts(language);
  const english = contentTexts('en');
  const messages: Record<string, string> = { ...texts.enums };
  for (const group of ['types', 'components'] as const) {
    for (const [uid, { displayName, fields }] of Object.entries(texts[group])) {
      messages[english[group][uid].displayName] = displayName;
      for (const [field, { label }] of Object.entries(fields)) messages[`content-manager.content-types.${uid}.${field}`] = label;
    }
  }
  return messages;
}

const srLatn = { ...strapiSrLatn, ...spisMessages['sr-Latn'] };

export const translations: Record<string, Record<string, string>> = {
  en: { ...spisMessages.en, ...contentMessages('en') },
  bs: { ...strapiBs, ...spisMessages.bs, ...contentMessages('bs') },
  hr: { ...strapiHr, ...spisMessages.hr, ...contentMessages('hr') },
  'sr-Latn': { ...srLatn, ...contentMessages('sr-Latn') },
  'sr-Cyrl': { ...messagesToCyrillic(srLatn), ...contentMessages('sr-Cyrl') },
};
