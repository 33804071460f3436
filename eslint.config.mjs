// ESLint: the frontend's architecture (docs/architecture.md). Shared code flows components/lib/api → features → app:
// a feature imports shared code and itself, never another feature or app/; shared code imports no feature.
// The type check (`npm run typecheck`) does the rest; `npm run lint` runs both.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

// Permissions come from the server (MeDto.permissions and each resource's flags, computed by the module's policy):
// the browser never decides what a user may do from their role. A file that only shows a role (a label, a colour)
// may compare it: list it here, saying why.
const ROLE_DISPLAY_ONLY = [];
const ROLE = '/^(admin|board|officer|unit_head)$/';
// `x.role`, `x?.role`, and either before `??`.
const roleOf = (side) => ['', '.expression', '.left', '.left.expression'].map((p) => `[${side}${p}.property.name='role']`).join(', ');
const ROLE_MESSAGE = 'Do not decide what a user may do from their role in the browser: use the permission flags the server sends '
  + '(useMe().data.permissions, or the resource\'s own permissions/can* fields); add one from the module\'s policy if it is missing. '
  + 'A display-only use goes in ROLE_DISPLAY_ONLY (eslint.config.mjs).';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'frontend/src/api/schema.d.ts'] },
  {
    files: ['frontend/src/**/*.{ts,tsx}', 'frontend/test/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    // Only the boundary rule runs here, so directives written for other rules are not "unused".
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: 'frontend/tsconfig.json' } },
      'boundaries/include': ['frontend/src/**/*', 'frontend/test/**/*'],
      'boundaries/elements': [
        { type: 'feature', pattern: 'frontend/src/features/*', capture: ['feature'] },
        { type: 'app', pattern: ['frontend/src/app', 'frontend/src/main.tsx'] },
        { type: 'shared', pattern: ['frontend/src/api', 'frontend/src/components', 'frontend/src/lib', 'frontend/src/i18n'] },
        { type: 'test', pattern: 'frontend/test' },
      ],
    },
    rules: {
      'boundaries/element-types': ['error', {
        default: 'disallow',
        message: 'A feature imports only shared code (src/api, src/components, src/lib, src/i18n) and itself; shared code imports no feature. Move what two features share there; compose features in src/app.',
        rules: [
          { from: 'feature', allow: ['shared', 'test', ['feature', { feature: '${from.feature}' }]] },
          { from: 'shared', allow: ['shared', 'test'] },
          { from: 'app', allow: ['app', 'feature', 'shared', 'test'] },
          { from: 'test', allow: ['app', 'feature', 'shared', 'test'] },
        ],
      }],
    },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    ignores: ['frontend/src/**/*.test.{ts,tsx}', ...ROLE_DISPLAY_ONLY],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: `BinaryExpression[operator=/^[!=]==?$/]:matches(${roleOf('left')}, ${roleOf('right')}):matches([left.value=${ROLE}], [right.value=${ROLE}])`, message: ROLE_MESSAGE },
        { selector: `SwitchStatement:matches(${roleOf('discriminant')})`, message: ROLE_MESSAGE },
        { selector: `CallExpression[callee.property.name='includes']:matches(${roleOf('arguments.0')})`, message: ROLE_MESSAGE },
      ],
    },
  },
);
