// Flat config: typescript-eslint recommended + prettier. Libraries are used only through their index.ts.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', '**/*.js', 'apps/api/console/**', 'bench/scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The light entries (no NestJS wiring, for one-shot tools) are the only other public ones.
              group: ['@idv/*/*', '!@idv/applicants/records', '!@idv/platform/config'],
              message: 'Import a library through its index (@idv/<lib>) or a light entry, never a deep path.',
            },
            { group: ['**/libs/*/src/**', '../../libs/**'], message: 'Import libraries as @idv/<lib>.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
