/**
 * The client's query strings, read back with the parser Strapi uses: qs (a dependency of
 * @strapi/core) with the settings of its strapi::query middleware.
 */
import qs from 'qs';
import { toQueryString } from '../../packages/client/src/index';

const strapiParse = (query: string) => qs.parse(query, { strictNullHandling: true, arrayLimit: 100, depth: 20 });

it('nests objects and lists in brackets and leaves out what is undefined', () => {
  const query = toQueryString({
    locale: 'sr-Cyrl',
    fallback: true,
    q: undefined,
    pagination: { page: 2, pageSize: undefined },
    sort: ['publicationDate:desc', 'title'],
    filters: { $or: [{ slug: { $eq: 'celinac' } }, { phases: { name: { $in: ['I', 'II'] } } }] },
  });
  expect(decodeURIComponent(query)).toBe(
    'locale=sr-Cyrl&fallback=true&pagination[page]=2&sort[0]=publicationDate:desc&sort[1]=title' +
      '&filters[$or][0][slug][$eq]=celinac&filters[$or][1][phases][name][$in][0]=I&filters[$or][1][phases][name][$in][1]=II'
  );
  expect(strapiParse(query)).toEqual({
    locale: 'sr-Cyrl',
    fallback: 'true',
    pagination: { page: '2' },
    sort: ['publicationDate:desc', 'title'],
    filters: { $or: [{ slug: { $eq: 'celinac' } }, { phases: { name: { $in: ['I', 'II'] } } }] },
  });
});

it('encodes Latin diacritics, Cyrillic and reserved characters as UTF-8', () => {
  const query = toQueryString({ q: 'čćđšž Ђурђевдан', filters: { title: { $eq: 'a&b=c [d] 50%+' } } });
  expect(query).toBe('q=%C4%8D%C4%87%C4%91%C5%A1%C5%BE%20%D0%82%D1%83%D1%80%D1%92%D0%B5%D0%B2%D0%B4%D0%B0%D0%BD&filters%5Btitle%5D%5B%24eq%5D=a%26b%3Dc%20%5Bd%5D%2050%25%2B');
  expect(strapiParse(query)).toEqual({ q: 'čćđšž Ђурђевдан', filters: { title: { $eq: 'a&b=c [d] 50%+' } } });
});
