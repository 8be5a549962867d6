import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-output/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Page data is hostile: HTML is never written from strings.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; page data must never become markup.' },
        { property: 'outerHTML', message: 'Build DOM nodes; page data must never become markup.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes; page data must never become markup.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render markup from data.' },
      ],
      // The layering rule from DEVELOPERS.md: lib/ is UI-free and browser-free where it can be.
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**'], message: 'lib/ never imports entrypoints/ or components/.' }] },
      ],
    },
  },
  {
    files: ['lib/rules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wxt/browser', message: 'The rules engine runs in Node: no browser APIs.' }],
          patterns: [{ group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**', '**/extract/**'], message: 'The rules engine imports neither browser nor DOM code.' }],
        },
      ],
    },
  },
  {
    // A test that reaches for a missing element should fail loudly, which `!` does.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
