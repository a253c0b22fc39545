// Type-checked lint for the whole monorepo; Prettier owns layout (eslint-config-prettier turns off style rules).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** A library is used through its index (`@app/<lib>`); reaching past it couples callers to its layout. */
const noDeepImports = {
  patterns: [
    { group: ['@app/*/*'], message: 'Import a library through its index (@app/<lib>), not a file inside it.' },
    {
      group: ['**/libs/*/src/**', '../**/libs/**'],
      message: 'Import a library through @app/<lib>, not by a relative path.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-restricted-imports': ['error', noDeepImports],
      'no-duplicate-imports': 'error',
      // Ports and query handlers return promises by contract; an implementation that needs no await is still correct.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web console: React's rules of hooks, and exhaustive effect dependencies.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // supertest and fetch answers are untyped JSON: tests read their fields and assert on them.
    files: ['test/**/*.ts', 'libs/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
);
