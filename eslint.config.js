// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Layers may import only what lies below them (see ARCHITECTURE.md). */
const layer = (name, forbidden) => ({
  files: [`src/${name}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((other) => ({
          group: [`**/${other}/*`, `**/${other}`, `../${other}/*`],
          message: `src/${name} must not import src/${other} (imports go one way; see ARCHITECTURE.md).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'drizzle/**', 'test-artifacts/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer('domain', ['db', 'analytics', 'server', 'web', 'cli', 'shared']),
  layer('shared', ['domain', 'db', 'analytics', 'server', 'web', 'cli']),
  layer('db', ['analytics', 'server', 'web', 'cli']),
  layer('analytics', ['db', 'server', 'web', 'cli']),
  layer('server', ['web', 'cli']),
  layer('web', ['domain', 'db', 'analytics', 'server', 'cli']),
  layer('cli', ['web']),
);
