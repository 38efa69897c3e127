// The built plugin under the name eslint-doc-generator derives the `catchwise/` prefix from
// (its scoped package name would give `@catchwise/`, which is not the namespace the configs use).
import plugin from '../../dist/index.js';

export default { ...plugin, meta: { ...plugin.meta, name: 'eslint-plugin-catchwise' } };
