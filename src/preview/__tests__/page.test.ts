import { renderBlocks, type Block } from '../blocks';
import { renderPreviewPage } from '../page';

const expiresAt = new Date('2026-11-27T15:30:00Z');

describe('renderBlocks', () => {
  it('renders paragraphs, marks, links, lists, quotes and headings below the page title', () => {
    const blocks = [
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Đaci' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Čitaj ' },
          { type: 'text', text: 'ovo', bold: true, italic: true },
          { type: 'link', url: 'https://unicef.org/bih', children: [{ type: 'text', text: 'UNICEF' }] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'jedan' }] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'dva' }] }] },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'citat' }] },
    ] as Block[];
    expect(renderBlocks(blocks)).toBe(
      [
        '<h2>Đaci</h2>',
        '<p>Čitaj <em><strong>ovo</strong></em><a href="https://unicef.org/bih" rel="noopener noreferrer">UNICEF</a></p>',
        '<ol><li>jedan<ul><li>dva</li></ul></li></ol>',
        '<blockquote>citat</blockquote>',
      ].join('\n')
    );
  });

  it('escapes text and drops links that would run script', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '<script>alert(1)</script>' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'klik' }] },
        ],
      },
      { type: 'image', image: { url: '/uploads/a.jpg" onerror="alert(1)', alternativeText: 'Djeca "u" školi' }, children: [] },
    ] as unknown as Block[];
    const html = renderBlocks(blocks);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;klik</p>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<img src="/uploads/a.jpg&quot; onerror=&quot;alert(1)" alt="Djeca &quot;u&quot; školi">');
  });

  it('renders nothing for an empty body', () => {
    expect(renderBlocks(null)).toBe('');
  });
});

describe('renderPreviewPage', () => {
  it('shows a draft article in its language, with the banner, cover description and quotes', () => {
    const html = renderPreviewPage({
      kind: 'news-article',
      locale: 'sr-Cyrl',
      status: 'draft',
      isPublic: false,
      expiresAt,
      document: {
        title: 'Дјечје радионице у Чапљини',
        dateline: 'Чапљина',
        publicationDate: '2026-11-20',
        lead: 'Увод <b>',
        cover: { url: '/uploads/cover.jpg', formats: { medium: { url: '/uploads/medium_cover.jpg' } } },
        coverAlt: 'Дјеца цртају',
        quotes: [{ text: 'Први пасус\n\nДруги', speaker: 'Амра', role: 'социјална радница' }],
        tags: [{ name: 'дјеца' }],
      },
    });
    expect(html).toContain('<html lang="sr-Cyrl">');
    expect(html).toContain('<title>Дјечје радионице у Чапљини</title>');
    expect(html).toContain('Преглед нацрта: није објављено');
    expect(html).toContain('<h1>Дјечје радионице у Чапљини</h1>');
    expect(html).toContain('<time datetime="2026-11-20">20. новембар 2026.</time> · Чапљина');
    expect(html).toContain('<img src="/uploads/medium_cover.jpg" alt="Дјеца цртају">');
    expect(html).toContain('<p class="lead">Увод &lt;b&gt;</p>');
    expect(html).toContain('<blockquote><p>Први пасус</p>\n<p>Други</p><footer>Амра, социјална радница</footer></blockquote>');
    expect(html).toContain('<ul class="tags"><li>дјеца</li></ul>');
    // The link's end in the programme's time zone (16:30 in Sarajevo).
    expect(html).toMatch(/<time datetime="2026-11-27T15:30:00.000Z">[^<]*16:30[^<]*<\/time>/);
  });

  it('shows a workshop with its dates, times and place', () => {
    const html = renderPreviewPage({
      kind: 'workshop',
      locale: 'en',
      status: 'published',
      isPublic: true,
      expiresAt,
      document: {
        title: 'Case management',
        startDate: '2012-02-23',
        endDate: '2012-02-24',
        startTime: '09:00:00.000',
        endTime: '16:00:00.000',
        venue: 'Hotel Bosna',
        city: 'Banja Luka',
        description: 'Day one.\n\nDay two.',
      },
    });
    expect(html).toContain('Preview of the published version');
    expect(html).toContain('<dt>When</dt><dd>February 23, 2012 – February 24, 2012, 09:00–16:00</dd>');
    expect(html).toContain('<dt>Where</dt><dd>Hotel Bosna, Banja Luka</dd>');
    expect(html).not.toContain('<dt>For</dt>');
    expect(html).toContain('<p>Day one.</p>\n<p>Day two.</p>');
  });

  it("says on a published version's draft that the public text may differ", () => {
    const html = renderPreviewPage({ kind: 'workshop', locale: 'hr', status: 'draft', isPublic: true, expiresAt, document: { title: 'Radionica' } });
    expect(html).toContain('Pregled nacrta: objavljena inačica može biti drukčija');
    expect(html).not.toContain('nije objavljeno');
  });
});
