/**
 * PDFs from the media library are downloaded, never shown inside this site's origin (a PDF can
 * carry script), under the name the editor uploaded, made safe for the header: RFC 6266 with an
 * ASCII `filename` for old clients and the exact name as RFC 5987 `filename*`. Pure.
 */
import { searchKey } from '../search/normalize';

/** The ASCII fallback: the name folded (č → c, Ђ → dj), anything else but letters, digits, dot, hyphen and underscore as `_`. */
const asciiName = (name: string) =>
  name
    .split('.')
    .map((part) => searchKey(part).replace(/ /g, '-'))
    .join('.')
    .replace(/[^A-Za-z0-9._-]/g, '_') || 'download.pdf';

/** RFC 5987 percent-encoding: what encodeURIComponent leaves, minus the characters it may not. */
const extValue = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

export function attachmentDisposition(name: string): string {
  // Control characters, quotes, backslashes and slashes cannot reach the header.
  const cleaned =
    [...name]
      .map((character) => (character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f || '"\\/'.includes(character) ? '_' : character))
      .join('')
      .trim() || 'download.pdf';
  const fileName = /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned}.pdf`;
  return `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${extValue(fileName)}`;
}
