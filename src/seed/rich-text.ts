/** Converts the seed files' readable rich text into Strapi's blocks format. */
import type { RichText } from './schema';

type TextNode = { type: 'text'; text: string };
export type Block = { type: 'paragraph'; children: TextNode[] } | { type: 'list'; format: 'ordered'; children: Array<{ type: 'list-item'; children: TextNode[] }> };

const textNode = (text: string): TextNode => ({ type: 'text', text });

export const toBlocks = (richText: RichText): Block[] =>
  richText.map((item) =>
    typeof item === 'string'
      ? { type: 'paragraph', children: [textNode(item)] }
      : {
          type: 'list',
          format: 'ordered',
          children: item.ordered.map((entry) => ({ type: 'list-item', children: [textNode(entry)] })),
        }
  );
