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

/**
 * The text outside braces (to their matching brace) and angle brackets, converted: for the few
 * Strapi messages ICU cannot parse (a select without `other`, an e-mail address in <>).
 */
function unparsedToCyrillic(message: string): string {
  let result = '';
  let text = '';
  let depth = 0;
  for (const character of message) {
    if (depth === 0 && (character === '{' || character === '<')) {
      result += interfaceTextToCyrillic(text);
      text = '';
    }
    if (character === '{' || (character === '<' && depth === 0)) depth += 1;
    if (depth > 0) result += character;
    else text += character;
    if ((character === '}' || character === '>') && depth > 0) depth -= 1;
  }
  return result + interfaceTextToCyrillic(text);
}

export function messageToCyrillic(message: string): string {
  try {
    return printAST(elementsToCyrillic(parse(message)));
  } catch {
    return unparsedToCyrillic(message);
  }
}

export const messagesToCyrillic = (messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).map(([id, message]) => [id, messageToCyrillic(message)]));
