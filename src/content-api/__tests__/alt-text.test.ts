import { missingAltText } from '../alt-text';

const NEWS = 'api::news-article.news-article';

const image = (alternativeText: string | null) => ({
  type: 'image',
  image: { name: 'radionica.jpg', url: '/uploads/radionica.jpg', alternativeText },
  children: [{ type: 'text', text: '' }],
});
const paragraph = { type: 'paragraph', children: [{ type: 'text', text: 'Tekst' }] };

describe('missingAltText', () => {
  it('asks for a description when a version has a cover but no text for it', () => {
    expect(missingAltText(NEWS, { cover: 12, locale: 'en' })).toEqual([
      { path: ['coverAlt'], message: 'The en version has a cover image: describe what it shows in “Cover image description”, in this language, before publishing' },
    ]);
    expect(missingAltText(NEWS, { cover: { id: 12 }, coverAlt: '   ' })[0].message).toMatch(/^This version has a cover image/);
    expect(missingAltText(NEWS, { cover: [{ id: 12 }], coverAlt: null })).toHaveLength(1);
  });

  it('names each image in the body inserted without alternative text', () => {
    expect(missingAltText(NEWS, { locale: 'bs', body: [paragraph, image(null), image('Djeca crtaju'), image(' ')] })).toEqual([
      {
        path: ['body'],
        message: 'The bs version has an image "radionica.jpg" in the body without alternative text: give it one in the Media Library, then insert the image again',
      },
      {
        path: ['body'],
        message: 'The bs version has an image "radionica.jpg" in the body without alternative text: give it one in the Media Library, then insert the image again',
      },
    ]);
  });

  it('lets through described images and versions without any', () => {
    expect(missingAltText(NEWS, { cover: 12, coverAlt: 'Djeca crtaju u vrtiću u Čapljini', body: [paragraph, image('Radionica u Žepču')] })).toEqual([]);
    expect(missingAltText(NEWS, { cover: null, body: [paragraph] })).toEqual([]);
    expect(missingAltText(NEWS, { cover: [] })).toEqual([]);
    expect(missingAltText(NEWS, {})).toEqual([]);
  });

  it('asks the same of a page’s picture, in its own field', () => {
    expect(missingAltText('api::page.page', { hero: 7, locale: 'sr-Cyrl' })).toEqual([
      { path: ['heroAlt'], message: 'The sr-Cyrl version has a picture: describe what it shows in “Picture description (alt text)”, in this language, before publishing' },
    ]);
    expect(missingAltText('api::page.page', { hero: 7, heroAlt: 'Дјеца у игри' })).toEqual([]);
    // The other type's field does not count.
    expect(missingAltText('api::page.page', { hero: 7, coverAlt: 'Djeca' })).toHaveLength(1);
  });
});
