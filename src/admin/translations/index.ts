/**
 * The panel in the editors' languages: Strapi's own messages (translated in strapi/*.json, keyed as
 * Strapi's packages key them) with this CMS's messages over them.
 */
import strapiBs from './strapi/bs.json';
import strapiHr from './strapi/hr.json';
import strapiSrLatn from './strapi/sr-Latn.json';
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

const srLatn = { ...strapiSrLatn, ...spisMessages['sr-Latn'] };

export const translations: Record<string, Record<string, string>> = {
  en: spisMessages.en,
  bs: { ...strapiBs, ...spisMessages.bs },
  hr: { ...strapiHr, ...spisMessages.hr },
  'sr-Latn': srLatn,
  'sr-Cyrl': messagesToCyrillic(srLatn),
};
