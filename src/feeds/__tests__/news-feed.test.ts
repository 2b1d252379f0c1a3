import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { documentLinks } from '../links';
import { lastChange, renderNewsFeed, type FeedArticle } from '../news-feed';

const SITE = 'https://spis.example.org';
const links = documentLinks(SITE);
const articles: FeedArticle[] = [
  {
    documentId: 'abc123',
    slug: 'radionica-u-celincu',
    title: 'Радионица у Челинцу & <Шамцу>',
    lead: 'Ђаци, жене и дјеца',
    publicationDate: '2026-11-20',
    updatedAt: '2026-11-21T08:30:00.000Z',
  },
  { documentId: 'def456', slug: 'celinac-skola-za-sve', title: 'Čelinac: "škola" za sve', lead: null, publicationDate: '2026-10-02', updatedAt: '2026-10-02T10:00:00.000Z' },
];
const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false }).parse(xml);
};

describe('renderNewsFeed', () => {
  it('writes RSS 2.0 with RFC 822 dates, absolute links and the text unchanged', () => {
    const { rss } = parse(renderNewsFeed('rss', 'sr-Cyrl', links, articles));
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('СПИС – вијести');
    expect(rss.channel.language).toBe('sr-Cyrl');
    const [first, second] = rss.channel.item;
    expect(first.title).toBe('Радионица у Челинцу & <Шамцу>');
    expect(first.description).toBe('Ђаци, жене и дјеца');
    expect(first.link).toBe(`${SITE}/api/news-articles/abc123?locale=sr-Cyrl`);
    expect(first.guid).toBe(first.link);
    expect(first.pubDate).toBe('Fri, 20 Nov 2026 00:00:00 GMT');
    expect(second.title).toBe('Čelinac: "škola" za sve');
    expect(second.description).toBeUndefined();
  });

  it('writes Atom 1.0 with RFC 3339 dates: updated when it last changed, published when it came out', () => {
    const { feed } = parse(renderNewsFeed('atom', 'bs', links, articles));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${SITE}/feeds/news.bs.atom`);
    expect(feed.updated).toBe('2026-11-21T08:30:00.000Z');
    const [first] = feed.entry;
    expect(first.id).toBe(`${SITE}/api/news-articles/abc123?locale=bs`);
    expect(first.updated).toBe('2026-11-21T08:30:00.000Z');
    expect(first.published).toBe('2026-11-20T00:00:00.000Z');
  });

  it('links items to the partner page of a link template, keeping the API address as their permanent id', () => {
    const partner = documentLinks(SITE, 'https://www.partner.ba/{locale}/vijesti/{slug}');
    const [first] = parse(renderNewsFeed('rss', 'sr-Cyrl', partner, articles)).rss.channel.item;
    expect(first.link).toBe('https://www.partner.ba/sr-Cyrl/vijesti/radionica-u-celincu');
    expect(first.guid).toBe(`${SITE}/api/news-articles/abc123?locale=sr-Cyrl`);
    const [entry] = parse(renderNewsFeed('atom', 'bs', partner, articles)).feed.entry;
    expect(entry.link['@_href']).toBe('https://www.partner.ba/bs/vijesti/radionica-u-celincu');
    expect(entry.id).toBe(`${SITE}/api/news-articles/abc123?locale=bs`);
  });

  it('sends titles and leads as text: markup in them reaches a reader as characters, never as HTML', () => {
    const hostile: FeedArticle = { ...articles[0], title: 'Naslov <b>ovdje</b>', lead: '<img src=x onerror=alert(1)> & više' };
    const atom = renderNewsFeed('atom', 'bs', links, [hostile]);
    const [entry] = [parse(atom).feed.entry];
    expect(entry.title).toEqual({ '#text': 'Naslov <b>ovdje</b>', '@_type': 'text' });
    expect(entry.summary).toEqual({ '#text': '<img src=x onerror=alert(1)> & više', '@_type': 'text' });
    const rss = renderNewsFeed('rss', 'bs', links, [hostile]);
    // RSS descriptions are HTML: the lead goes in HTML-escaped (then XML-escaped), so the HTML
    // a reader renders shows the characters.
    expect(rss).toContain('<description>&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; više</description>');
    // Text that already looks like an entity stays those characters (xmlbuilder2 alone would pass "&lt;" through).
    const entityLike = renderNewsFeed('atom', 'bs', links, [{ ...hostile, lead: 'Write &lt;b&gt; as &amp;lt;' }]);
    expect(entityLike).toContain('<summary type="text">Write &amp;lt;b&amp;gt; as &amp;amp;lt;</summary>');
    expect(renderNewsFeed('rss', 'bs', links, [{ ...hostile, lead: '&lt;img src=x onerror=alert(1)&gt;' }])).toContain(
      '<description>&amp;amp;lt;img src=x onerror=alert(1)&amp;amp;gt;</description>'
    );
    for (const xml of [atom, rss]) {
      expect(xml).not.toContain('<img');
      expect(xml).not.toContain('CDATA');
    }
  });

  it('dates an empty feed at the epoch rather than now, so its ETag stays stable', () => {
    expect(lastChange([])).toEqual(new Date(0));
    expect(parse(renderNewsFeed('atom', 'en', links, [])).feed.updated).toBe('1970-01-01T00:00:00.000Z');
  });
});
