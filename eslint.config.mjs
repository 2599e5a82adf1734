// Lint for what the type checker does not catch: promises nobody awaits or handles
// (a rejected one is lost silently in the extension host and the language server).
// Deliberate fire-and-forget is written `void promise`.
//   npm run lint
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-host/**', '.vscode-test/**', 'scripts/**', '**/*.tmp.*', '*.mjs', '**/out/**'] },
  {
    files: ['client/src/**/*.ts', 'server/src/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
