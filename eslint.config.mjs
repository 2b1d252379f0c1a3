// Lint: ESLint's and typescript-eslint's recommended rules over the app, its tests and tools;
// formatting is Prettier's (.prettierrc.json). `npm run lint` runs both; CI runs it first.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', '.strapi/**', '.tmp/**', 'types/generated/**', 'public/**', 'packages/*/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_name`: a parameter a signature requires but this function does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/admin/**', 'examples/**', 'src/plugins/*/admin/**'], languageOptions: { globals: globals.browser } }
);
