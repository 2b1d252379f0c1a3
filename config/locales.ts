/**
 * Locale fallback: when a document or a text is missing in the requested locale, the content
 * API serves the first locale of its chain that has it (when the reader opts in with
 * `?fallback=true`, or always when `enabledByDefault`). Validated at start-up (src/locales/fallback.ts).
 */
export default {
  fallback: {
    enabledByDefault: false,
    chains: {
      'sr-Cyrl': ['sr-Latn', 'bs', 'hr', 'en'],
      'sr-Latn': ['bs', 'hr', 'sr-Cyrl', 'en'],
      bs: ['hr', 'sr-Latn', 'en'],
      hr: ['bs', 'sr-Latn', 'en'],
      en: ['bs'],
    },
  },
};
