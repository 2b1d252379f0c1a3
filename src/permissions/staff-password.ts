/**
 * The rule for staff passwords: 12 to 72 bytes (bcrypt reads no further), a lower-case and an
 * upper-case letter and a digit (Strapi's own rule), and hard to guess
 * — zxcvbn's estimate at least 3 of 4 ("safely unguessable" against an online attack), with the
 * person's own e-mail and names counted as known words. `Password1` (score 0) is refused. The
 * message says how to choose better and never repeats the password. Pure.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 72;
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** Why this password may not be a staff member's, or undefined when it may. */
export function staffPasswordProblem(password: unknown, knownWords: Array<string | null | undefined> = []): string | undefined {
  if (typeof password !== 'string') return 'must be text';
  const length = [...password].length;
  if (length < MIN_LENGTH) return `must have at least ${MIN_LENGTH} characters`;
  if (Buffer.byteLength(password) > MAX_LENGTH) return `must have at most ${MAX_LENGTH} bytes`;
  // Strapi's own rule, checked here first: its validator answers with the refused value.
  if (!/\p{Ll}/u.test(password)) return 'must contain a lower-case letter';
  if (!/\p{Lu}/u.test(password)) return 'must contain an upper-case letter';
  if (!/\d/.test(password)) return 'must contain a digit';
  const words = knownWords.flatMap((word) => (word ? [word, ...word.split(/[@.\s_-]+/)] : [])).filter((word) => word.length > 2);
  const { score, feedback } = estimator.check(password, words);
  if (score >= MIN_SCORE) return undefined;
  const hint = feedback.warning ? ` (${feedback.warning.replace(/\.$/, '')})` : '';
  return `is too easy to guess${hint}; use a longer phrase of unrelated words, not names, dates or common passwords`;
}
