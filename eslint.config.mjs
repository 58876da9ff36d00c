// One lint configuration for every workspace: typescript-eslint's recommended rules, plus the hub's habits.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/jest.config.js',
      'infra/jest/**',
      'infra/jest-preset.js',
      '**/src/migrations/Migration*.ts',
      '**/__generated__/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: "Read configuration once, in the service's config module." },
      ],
      // Every error code a client can see comes from the registry (schema/src/errors.ts): ErrorCode.X or a builder.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Property[key.name='extensions'] > ObjectExpression > Property[key.name='code'][value.type=/^(Literal|TemplateLiteral)$/]",
          message: 'Error codes come from the registry in schema/src/errors.ts: use ErrorCode.X or one of its builders.',
        },
        {
          selector: "Property[key.name='extensions'] > ObjectExpression > Property[key.name='code'] > ConditionalExpression > Literal",
          message: 'Error codes come from the registry in schema/src/errors.ts: use ErrorCode.X or one of its builders.',
        },
      ],
    },
  },
  {
    // The registry itself, and tests that assert on codes.
    files: ['schema/src/errors.ts', '**/__tests__/**', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Configuration modules, entry points and test set-up are where the environment is read.
    files: [
      '**/config.ts',
      '**/main.ts',
      'subgraphs/kit/src/bin/serve.ts',
      'subgraphs/kit/src/cli/migrate.ts',
      'infra/src/dev.ts',
      'infra/src/hub.ts',
      'infra/src/audit-cli.ts',
      '**/testing.ts',
      '**/__tests__/**',
      'test/src/**',
      'test/bench/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The security console (a browser page, bundled by the gateway): the rules of hooks, and no Node globals.
    files: ['gateway/console/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // CommonJS scripts (jest preset, load generator) and their options.
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-restricted-properties': 'off' },
  },
);
