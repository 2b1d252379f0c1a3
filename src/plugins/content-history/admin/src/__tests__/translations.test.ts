/**
 * The History and Translation panels, the field marks and the Translations page speak every
 * interface language: each message in each, with the same arguments as the English, translated
 * (not copied), and the Serbian Cyrillic in Cyrillic.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { INTERFACE_LANGUAGE_CODES } from '../../../../../interface-language';
import { LOCALE_CODES } from '../../../../../locales';
import { messages } from '../messages';
import { historyTranslations } from '../translations';

const english = Object.fromEntries(Object.values(messages).map(({ id, defaultMessage }) => [id, defaultMessage]));

function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

it('has the panel in every interface language', () => {
  expect(Object.keys(historyTranslations).sort()).toEqual([...INTERFACE_LANGUAGE_CODES].sort());
  expect(historyTranslations.en).toEqual(english);
  expect(new Set(Object.values(messages).map(({ id }) => id)).size).toBe(Object.keys(messages).length);
});

describe.each(INTERFACE_LANGUAGE_CODES.filter((language) => language !== 'en'))('%s', (language) => {
  const translated = historyTranslations[language];

  it('has every message, and no other, with the English one’s arguments', () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    const differ = Object.keys(english).filter((id) => argumentsOf(english[id]).join() !== argumentsOf(translated[id]).join());
    expect(differ).toEqual([]);
  });

  it('names each content language and each state of a translation, no two alike', () => {
    const names = (keys: string[]) => keys.map((key) => translated[`content-history.${key}`]);
    for (const keys of [LOCALE_CODES.map((code) => `language.${code}`), ['fresh', 'stale', 'missing', 'untracked', 'untranslated'].map((state) => `state.${state}`)]) {
      expect(names(keys).every(Boolean)).toBe(true);
      expect(new Set(names(keys)).size).toBe(keys.length);
    }
  });

  it('is a translation, not a copy', () => {
    const copied = Object.keys(english).filter((id) => /[a-z]{3,}/.test(english[id]) && translated[id] === english[id]);
    expect(copied).toEqual([]);
  });
});

it('writes the Serbian Cyrillic panel in Cyrillic, names like API and GraphQL aside', () => {
  const latin = Object.entries(historyTranslations['sr-Cyrl'])
    .filter(([, message]) => /\p{Script=Latin}/u.test(message.replace(/\{\w+\}/g, '').replace(/\b(API|GraphQL)\b/g, '')))
    .map(([id]) => id);
  expect(latin).toEqual([]);
  expect(historyTranslations['sr-Cyrl']['content-history.panel.title']).toBe('Историја');
  expect(historyTranslations['sr-Cyrl']['content-history.translation.title']).toBe('Превод');
  expect(historyTranslations['sr-Cyrl']['content-history.language.sr-Cyrl']).toBe('српски, ћирилица');
});
