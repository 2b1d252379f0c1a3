/**
 * Strapi's own messages (strapi/en.json: what Strapi 5.54.0's admin, Content Manager, Media
 * Library, i18n, Releases, Review Workflows, Users & Permissions, Email and GraphQL panels say)
 * are all translated, each keeping the message's arguments, plural forms and tags.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import english from '../strapi/en.json';
import bs from '../strapi/bs.json';
import hr from '../strapi/hr.json';
import srLatn from '../strapi/sr-Latn.json';
import { translations } from '..';

/** The argument and tag names of a message, sorted (for Strapi's two e-mail placeholders that ICU cannot parse, their brace and tag tokens). */
function argumentsOf(message: string): string[] {
  try {
    return parsedArguments(message);
  } catch {
    return (message.match(/\{\w+|<[^<>]*>/g) ?? []).sort();
  }
}

function parsedArguments(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message, { requiresOtherClause: false }));
  return [...names].sort();
}

describe.each([
  ['bs', bs],
  ['hr', hr],
  ['sr-Latn', srLatn],
] as Array<[string, Record<string, string>]>)('%s', (language, messages) => {
  it('has every message, and no other', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it('keeps each message’s arguments and tags', () => {
    const differ = Object.entries(english as Record<string, string>)
      .filter(([id, message]) => messages[id] !== undefined && argumentsOf(message).join() !== argumentsOf(messages[id]).join())
      .map(([id]) => id);
    expect(differ).toEqual([]);
  });

  it('is a translation, not a copy', () => {
    const copied = Object.entries(english as Record<string, string>).filter(([id, message]) => /[a-z]{4,} [a-z]{4,} [a-z]{4,}/.test(message) && messages[id] === message);
    expect(copied.map(([id]) => id)).toEqual([]);
  });
});

it('gives the Serbian Cyrillic interface every message, in Cyrillic', () => {
  const cyrillic = translations['sr-Cyrl'];
  expect(Object.keys(cyrillic)).toEqual(expect.arrayContaining(Object.keys(english)));
  expect(cyrillic['global.save']).toMatch(/^[\p{Script=Cyrillic}\s]+$/u);
});
