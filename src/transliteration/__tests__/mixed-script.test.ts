import { dominantScript, findMixedScriptWords, fixMixedScript } from '../mixed-script';

describe('findMixedScriptWords', () => {
  it('finds a Latin word with Cyrillic letters typed into it (seed 004)', () => {
    const text = 'izjavila je predstavница UNICEF-a u BiH, Florence Bauer.';
    expect(findMixedScriptWords(text)).toEqual([{ word: 'predstavница', fixed: 'predstavnica', index: 12 }]);
  });

  it('finds a Cyrillic word with a Latin letter typed into it (seed 004 title)', () => {
    expect(findMixedScriptWords('инклузије дјецe у БиХ')).toEqual([{ word: 'дјецe', fixed: 'дјеце', index: 10 }]);
  });

  it('leaves clean Latin, clean Cyrillic and mixed sentences of clean words alone', () => {
    expect(findMixedScriptWords('Čelinac i Челинац, UNICEF и EU')).toEqual([]);
  });

  it('breaks a tie by the script of the whole text', () => {
    expect(findMixedScriptWords('ово је реч: теst')[0].fixed).toBe('тест');
    expect(findMixedScriptWords('this is a word: теst')[0].fixed).toBe('test');
  });
});

describe('fixMixedScript', () => {
  it('rewrites every mixed word and keeps the rest byte for byte', () => {
    const { text, words } = fixMixedScript('predstavница i дјецe — Čelinac');
    expect(text).toBe('predstavnica i дјеце — Čelinac');
    expect(words.map((w) => w.word)).toEqual(['predstavница', 'дјецe']);
  });

  it('returns the text unchanged when nothing is mixed', () => {
    const clean = 'Jačanje sistema socijalne zaštite';
    expect(fixMixedScript(clean)).toEqual({ text: clean, words: [] });
  });
});

describe('dominantScript', () => {
  it('counts letters', () => {
    expect(dominantScript('Челинац, Čelinac, Гацко')).toBe('Cyrillic');
    expect(dominantScript('SPIS 2012')).toBe('Latin');
  });
});
