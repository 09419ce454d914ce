// Settings whose values end up in suggested code are validated so that the code always parses.
import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { validateBlockingApis, validateWorkerPool } from '../src/settings.js';

describe('settings that fixes write into code', () => {
  it.each(['class', 'let', 'await', 'a-b c', 'eval', '1st', 'a.b'])('workerPool.export %j is refused: no import can bind it', (name) => {
    expect(() => validateWorkerPool({ module: '#lib/offload', export: name })).toThrow(/workerPool\.export .* is not a name an import can bind/);
  });

  it.each(['runInPool', '$pool', '_offload', 'default'])('workerPool.export %j is accepted', (name) => {
    expect(validateWorkerPool({ module: '#lib/offload', export: name })).toEqual({ module: '#lib/offload', export: name });
  });

  it.each(["it's", 'a"b', 'line\nbreak', 'back\\slash', ' padded', 'tab\there', 'sep\u2028arator'])('workerPool.module %j is refused', (module) => {
    expect(() => validateWorkerPool({ module, export: 'offload' })).toThrow(/cannot be written in an import/);
  });

  it('replacement modules and exports are held to the same rules', () => {
    const api = (replacement: unknown) => [{ module: 'legacy', export: 'loadSync', family: 'fs', replacement }];
    expect(() => validateBlockingApis(api({ module: "it's", export: 'load' }))).toThrow(/replacement\.module .* cannot be written in an import/);
    expect(() => validateBlockingApis(api({ module: 'legacy/async', export: 'class' }))).toThrow(/replacement needs `export`/);
    expect(validateBlockingApis(api({ module: '@scope/legacy-async', export: 'load' }))).toHaveLength(1);
  });

  it('every accepted workerPool value yields an import that parses', () => {
    for (const [module, name] of [['#lib/offload', 'offload'], ['@acme/pool', 'default'], ['pool/sub-path.js', '$run']] as const) {
      const pool = validateWorkerPool({ module, export: name })!;
      const code = pool.export === 'default' ? `import offload from '${pool.module}';` : `import { ${pool.export} } from '${pool.module}';`;
      expect(() => parse(code, { sourceType: 'module' })).not.toThrow();
    }
  });
});
