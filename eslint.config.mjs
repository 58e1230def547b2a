// Lint keeps the architecture readable from the import graph (see src-main/README.md):
// domain never imports channels, host, electron, cli or React; only src-main/electron imports electron;
// only src-main/channels/whatsapp imports Baileys; the renderer reaches main only through the contract.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const vendorOnlyInAdapters = [
  { name: 'electron', message: 'Only src-main/electron and src-preload import electron.' },
  { name: '@whiskeysockets/baileys', message: 'Only src-main/channels/whatsapp imports Baileys.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'test-results-*/**', 'test-reports/**', 'dist/**', 'node_modules/**', 'test-results/**', '.native/**', 'scripts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src-main/domain/**/*.ts', 'src-main/db/**/*.ts', 'src-main/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...vendorOnlyInAdapters, { name: 'react', message: 'The domain has no UI.' }],
          patterns: [
            { group: ['**/channels/**'], message: 'The domain talks to channels through domain/messaging/channelPort.ts.' },
            { group: ['**/host/**', '**/electron/**', '**/cli/**'], message: 'Dependencies point inward: the domain never imports the host, the shell or the CLI.' },
            { group: ['**/app/*', '!**/app/area'], message: 'The domain may only import the Area/AppContext types from app/area.' },
            { group: ['**/app/area'], allowTypeImports: true, message: 'Type-only import of app/area.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/channels/whatsapp/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: vendorOnlyInAdapters }],
    },
  },
  {
    files: ['src-main/channels/whatsapp/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [vendorOnlyInAdapters[0]] }] },
  },
  {
    files: ['src-main/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...vendorOnlyInAdapters, { name: 'better-sqlite3', message: 'The renderer has no database; call the API.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' },
            { group: ['**/src-main/db/**', '**/src-main/host/**', '**/src-main/app/**', '**/src-main/channels/**', '**/src-main/electron/**', '**/src-main/cli/**'], message: 'The renderer reaches main only through src-main/contract (and pure domain functions).' },
          ],
        },
      ],
    },
  },
);
