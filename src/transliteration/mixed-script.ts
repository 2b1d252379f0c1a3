/**
 * Words that mix Latin and Cyrillic letters (`predstavница`, `дјецe`) are typing slips from a
 * keyboard switched mid-word. They look right on screen but break search and sorting. The
 * fix rewrites the minority letters in the word's majority script, phonetically, the way the
 * Serbian keyboards place them (н on N, е on E).
 */
import { cyrillicToLatin, latinToCyrillic } from './serbian';

export type Script = 'Latin' | 'Cyrillic';

export type MixedScriptWord = { word: string; fixed: string; index: number };

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;

const scriptOf = (char: string): Script | undefined => (LATIN_LETTER.test(char) ? 'Latin' : CYRILLIC_LETTER.test(char) ? 'Cyrillic' : undefined);

const countScripts = (text: string) => {
  let latin = 0;
  let cyrillic = 0;
  for (const char of text) {
    const script = scriptOf(char);
    if (script === 'Latin') latin += 1;
    else if (script === 'Cyrillic') cyrillic += 1;
  }
  return { latin, cyrillic };
};

/** The script most letters of `text` are written in; Latin when there is a tie. */
export const dominantScript = (text: string): Script => {
  const { latin, cyrillic } = countScripts(text);
  return cyrillic > latin ? 'Cyrillic' : 'Latin';
};

const toScript = (letters: string, script: Script) => (script === 'Latin' ? cyrillicToLatin(letters) : latinToCyrillic(letters));

/** Rewrites every letter of `word` not in `script` into `script`. */
const rewriteInto = (word: string, script: Script): string =>
  word.replace(/[\p{L}\p{M}]/gu, (char) => (scriptOf(char) && scriptOf(char) !== script ? toScript(char, script) : char));

/**
 * Finds the mixed-script words in `text`. A word's target script is the one most of its
 * letters are in; a tie goes to the script of the whole text.
 */
export function findMixedScriptWords(text: string): MixedScriptWord[] {
  const found: MixedScriptWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const { latin, cyrillic } = countScripts(word);
    if (latin === 0 || cyrillic === 0) continue;
    const target: Script = latin === cyrillic ? dominantScript(text) : cyrillic > latin ? 'Cyrillic' : 'Latin';
    found.push({ word, fixed: rewriteInto(word, target), index: match.index ?? 0 });
  }
  return found;
}

/** Returns `text` with every mixed-script word rewritten, and the words that were. */
export function fixMixedScript(text: string): { text: string; words: MixedScriptWord[] } {
  const words = findMixedScriptWords(text);
  let fixed = text;
  for (const { word, fixed: replacement, index } of [...words].reverse()) {
    fixed = fixed.slice(0, index) + replacement + fixed.slice(index + word.length);
  }
  return { text: fixed, words };
}
