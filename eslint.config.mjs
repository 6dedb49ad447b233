import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const mainOnlyModules = [
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-orm/*',
  'ssh2',
  '@napi-rs/keyring',
  'electron',
  'electron-log',
  'electron-log/*',
]

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'typeLike', format: ['PascalCase'] },
        { selector: 'function', format: ['camelCase', 'PascalCase'] },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-main/**', 'test/**', 'bench/**', 'scripts/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures that need no other fixture take an empty pattern by design.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The renderer runs sandboxed: it reaches main only through the contract.
    files: ['src-renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**'],
              message: 'The renderer talks to main through the contract.',
            },
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: mainOnlyModules, message: 'Main-side module: use a channel instead.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared by both sides, so it may depend on neither.
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared stands alone.',
            },
            {
              group: ['node:*', ...mainOnlyModules],
              message: 'src-shared runs in the renderer too.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron shell may load electron; the core runs under plain Node.
    files: ['src-main/**'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/electron may import electron.' }] },
      ],
    },
  },
)
