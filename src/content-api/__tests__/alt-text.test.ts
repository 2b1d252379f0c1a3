import { missingAltText } from '../alt-text';

const image = (alternativeText: string | null) => ({
  type: 'image',
  image: { name: 'radionica.jpg', url: '/uploads/radionica.jpg', alternativeText },
  children: [{ type: 'text', text: '' }],
});
const paragraph = { type: 'paragraph', children: [{ type: 'text', text: 'Tekst' }] };

describe('missingAltText', () => {
  it('asks for a description when a version has a cover but no text for it', () => {
    expect(missingAltText({ cover: 12, locale: 'en' })).toEqual([
      { path: ['coverAlt'], message: 'The en version has a cover image: describe what it shows in “Cover image description”, in this language, before publishing' },
    ]);
    expect(missingAltText({ cover: { id: 12 }, coverAlt: '   ' })[0].message).toMatch(/^This version has a cover image/);
    expect(missingAltText({ cover: [{ id: 12 }], coverAlt: null })).toHaveLength(1);
  });

  it('names each image in the body inserted without alternative text', () => {
    expect(missingAltText({ locale: 'bs', body: [paragraph, image(null), image('Djeca crtaju'), image(' ')] })).toEqual([
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
    expect(missingAltText({ cover: 12, coverAlt: 'Djeca crtaju u vrtiću u Čapljini', body: [paragraph, image('Radionica u Žepču')] })).toEqual([]);
    expect(missingAltText({ cover: null, body: [paragraph] })).toEqual([]);
    expect(missingAltText({ cover: [] })).toEqual([]);
    expect(missingAltText({})).toEqual([]);
  });
});
