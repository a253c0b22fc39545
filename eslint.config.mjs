// Type-checked lint for the whole monorepo; Prettier owns layout (eslint-config-prettier turns off style rules).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** A library is used through its index (`@app/<lib>`); reaching past it couples callers to its layout. */
const noDeepImports = {
  patterns: [
    { group: ['@app/*/*'], message: 'Import a library through its index (@app/<lib>), not a file inside it.' },
    { group: ['**/libs/*/src/**', '../**/libs/**'], message: 'Import a library through @app/<lib>, not by a relative path.' },
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  prettier,
);
