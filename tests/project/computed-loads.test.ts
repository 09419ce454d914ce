import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computedLoads, isLoadedBy } from '../../src/project/computed-loads.js';

const loader = path.resolve('/app/src/store.js');
const loaded = (text: string, file: string) => computedLoads(loader, text).some((load) => isLoadedBy(load, path.resolve(file)));

describe('modules loaded by a computed path', () => {
  it('reads template literals, concatenations and path.join from __dirname', () => {
    expect(loaded('const { Schema } = require(`./db/schema/v${version}`);', '/app/src/db/schema/v12.ts')).toBe(true);
    expect(loaded('const { Schema } = require(`./db/schema/v${version}`);', '/app/src/db/schema/index.ts')).toBe(false);
    expect(loaded('await import(`./plugins/${name}.js`)', '/app/src/plugins/github.js')).toBe(true);
    expect(loaded("require('./routes/' + file)(app)", '/app/src/routes/users.js')).toBe(true);
    expect(loaded("require('../jobs/' + name + '.job')", '/app/jobs/cleanup.job.js')).toBe(true);
    expect(loaded("require(path.join(__dirname, 'migrations', file))", '/app/src/migrations/001-init.js')).toBe(true);
    expect(loaded('require(`${__dirname}/handlers/${type}`)', '/app/src/handlers/message.ts')).toBe(true);
  });

  it('takes no constant path, no bare package name and no wildcard across folders', () => {
    expect(computedLoads(loader, "require('./db/schema/v1')")).toEqual([]);
    expect(computedLoads(loader, 'require(`${name}`)')).toEqual([]);
    expect(computedLoads(loader, 'require(`plugin-${name}`)')).toEqual([]);
    expect(loaded('require(`./a/${x}/b/${y}`)', '/app/src/a/x/b/y.js')).toBe(false);
    // One folder deep: a file in a subfolder is not one of them.
    expect(loaded("require('./routes/' + file)", '/app/src/routes/admin/users.js')).toBe(false);
  });
});
