/**
 * Strapi's rich text ("blocks") as HTML, for the preview page. Every text is escaped and only
 * web and mail links are kept, so nothing an editor types can run in the page.
 */
import escapeHtml from 'escape-html';

type Text = { type: 'text'; text: string; bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean; code?: boolean };
type Link = { type: 'link'; url: string; children: Text[] };
type Inline = Text | Link;
type ListItem = { type: 'list-item'; children: Inline[] };
type ListBlock = { type: 'list'; format: 'ordered' | 'unordered'; children: (ListItem | ListBlock)[] };
type Image = { type: 'image'; image: { url: string; alternativeText?: string | null; width?: number | null; height?: number | null } };
export type Block = { type: 'paragraph' | 'quote' | 'code'; children: Inline[] } | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] } | ListBlock | Image;

const MARKS: [keyof Text, string][] = [
  ['code', 'code'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
];

/** Links to web pages, mail addresses and paths of this site; anything else (javascript:, data:) is dropped. */
const safeHref = (url: string): string | undefined => (/^(https?:|mailto:|\/(?!\/)|#)/i.test(url.trim()) ? url.trim() : undefined);

function renderText(node: Text): string {
  return MARKS.reduce((html, [mark, tag]) => (node[mark] ? `<${tag}>${html}</${tag}>` : html), escapeHtml(node.text).replace(/\n/g, '<br>'));
}

function renderInline(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return renderText(node);
      const text = node.children.map(renderText).join('');
      const href = safeHref(node.url);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>` : text;
    })
    .join('');
}

/** A nested list belongs inside the item before it (valid HTML), or in an item of its own. */
function renderList(list: ListBlock): string {
  const tag = list.format === 'ordered' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const item of list.children) {
    if (item.type === 'list' && items.length > 0) items.push(`${items.pop()!.slice(0, -'</li>'.length)}${renderList(item)}</li>`);
    else items.push(`<li>${item.type === 'list' ? renderList(item) : renderInline(item.children)}</li>`);
  }
  return `<${tag}>${items.join('')}</${tag}>`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${renderInline(block.children)}</p>`;
    case 'heading': {
      // The page's own title is the h1; headings in the text start below it.
      const level = Math.min(Math.max(block.level + 1, 2), 6);
      return `<h${level}>${renderInline(block.children)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${renderInline(block.children)}</blockquote>`;
    case 'code':
      return `<pre><code>${renderInline(block.children)}</code></pre>`;
    case 'list':
      return renderList(block);
    case 'image':
      return `<img src="${escapeHtml(block.image.url)}" alt="${escapeHtml(block.image.alternativeText ?? '')}">`;
    default:
      return '';
  }
}

export const renderBlocks = (blocks: Block[] | null | undefined): string => (blocks ?? []).map(renderBlock).join('\n');
