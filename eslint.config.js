import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'cdk.out', '.data', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // the Lambda bundles: a named `z` import keeps all of zod (~440 KB, every locale) in each bundle
    files: ['functions/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[importKind!='type'][source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "import * as z from 'zod': esbuild can then drop what is unused",
        },
      ],
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@aws-sdk/*', 'hono', 'hono/*', 'openai', '../store/*', '../queue/*', '../channels/*', '../triage/*'] }],
    },
  },
  {
    // the page script runs in the browser, not in Node
    files: ['functions/inbox-api/web/assets/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['local/emulators/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  // formatting is Prettier's (npm run lint checks it, npm run format writes it): no ESLint rule argues with it
  prettier,
);
