/**
 * The Serbian Cyrillic interface is the Serbian Latin one transliterated: only the text of each
 * message changes, never its arguments (`{count, plural, ...}`), tags or product names.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';
import { interfaceTextToCyrillic } from '../../transliteration';

function elementsToCyrillic(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: interfaceTextToCyrillic(element.value) };
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
