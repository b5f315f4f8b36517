import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = { group: ['node:*'], message: 'The renderer and shared/ run without Node.' }

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['electron', '**/electron/*', '**/electron/**'],
              message: 'The renderer reaches the desk through renderer/api only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers import downwards only: shared/ knows nothing of Node, Electron or the DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['electron', '../electron/*', '../renderer/*'],
              message: 'shared/ imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core runs under plain Node: the browser host, the CLI and tests use it without Electron.
    files: [
      'electron/core/**/*.ts',
      'electron/web/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/launch/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main and electron/preload import electron.',
            },
          ],
          patterns: [
            {
              group: ['../main/*', '../preload/*', '../../renderer/*'],
              message: 'Layers import downwards only.',
            },
          ],
        },
      ],
    },
  },
  {
    // ipcMain and ipcRenderer live in one wrapper file each.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Bind IPC in electron/main/ipc.ts only.',
            },
          ],
        },
      ],
    },
  },
)
