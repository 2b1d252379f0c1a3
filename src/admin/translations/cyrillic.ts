/**
 * The Serbian Cyrillic interface is the Serbian Latin one transliterated: only the text of each
 * message changes, never its arguments (`{count, plural, ...}`), tags or product names.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';
import { toCyrillic } from '../../transliteration';

/** Names and acronyms Serbian Cyrillic interfaces keep in Latin (API, URL, Strapi, GraphQL...). */
const KEEP_LATIN = /(\b\p{Lu}{2,}\p{L}*\b|\b(?:Strapi|GraphQL|Markdown|Marketplace|GitHub|Discord|Sentry|Cloud|SPIS)\b)/u;

const literalToCyrillic = (text: string) =>
  text
    .split(KEEP_LATIN)
    .map((part, index) => (index % 2 === 1 ? part : toCyrillic(part)))
    .join('');

function elementsToCyrillic(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: literalToCyrillic(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: elementsToCyrillic(option.value) }])),
        };
      case TYPE.tag:
        return { ...element, children: elementsToCyrillic(element.children) };
      default:
        return element;
    }
  });
}

export const messageToCyrillic = (message: string): string => printAST(elementsToCyrillic(parse(message)));

export const messagesToCyrillic = (messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).map(([id, message]) => [id, messageToCyrillic(message)]));
