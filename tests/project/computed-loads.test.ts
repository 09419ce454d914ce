import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computedLoads, folderLoads, isLoadedBy, loadedFromFolder } from '../../src/project/computed-loads.js';

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

describe('folders a loader lists and loads each file of', () => {
  const listed = (text: string, file: string) => folderLoads(loader, text, path.resolve('/app')).some((load) => isLoadedBy(load, path.resolve(file)));

  it('reads the folder from __dirname, the working folder, a bare path and a constant naming one', () => {
    const guide = "const commandsPath = path.join(__dirname, 'commands');\nconst files = fs.readdirSync(commandsPath).filter((f) => f.endsWith('.js'));";
    expect(listed(guide, '/app/src/commands/ping.js')).toBe(true);
    expect(listed(guide, '/app/src/commands/admin/ban.js')).toBe(false);
    expect(listed("fs.readdirSync('./commands')", '/app/commands/ping.js')).toBe(true);
    expect(listed('readdirSync(`${__dirname}/handlers`)', '/app/src/handlers/message.js')).toBe(true);
    expect(listed("await fs.promises.readdir(process.cwd() + '/plugins')", '/app/plugins/github.js')).toBe(true);
    expect(listed("readdirSync(path.resolve(process.cwd(), 'bot', 'events'))", '/app/bot/events/ready.js')).toBe(true);
  });

  it('reads a folder named by a part that is not a constant as any subfolder', () => {
    const goat = 'const fullPathModules = path.normalize(process.cwd() + `/scripts/${folderModules}`);\nconst Files = readdirSync(fullPathModules);';
    expect(listed(goat, '/app/scripts/cmds/help.js')).toBe(true);
    expect(listed(goat, '/app/scripts/events/welcome.js')).toBe(true);
    expect(listed(goat, '/app/scripts/build.js')).toBe(false);
    const nested = "const foldersPath = path.join(__dirname, 'commands');\nfor (const folder of fs.readdirSync(foldersPath)) {\n  const commandsPath = path.join(foldersPath, folder);\n  fs.readdirSync(commandsPath);\n}";
    expect(listed(nested, '/app/src/commands/utility/ping.js')).toBe(true);
  });

  it('takes no folder it cannot read, the package folder itself, nor one outside it', () => {
    expect(folderLoads(loader, 'fs.readdirSync(dir)', path.resolve('/app'))).toEqual([]);
    expect(folderLoads(loader, 'fs.readdirSync(process.cwd())', path.resolve('/app'))).toEqual([]);
    expect(folderLoads(loader, "fs.readdirSync('/etc/app')", path.resolve('/app'))).toEqual([]);
    expect(folderLoads(loader, "fs.readdirSync(path.join(__dirname, '..', '..', 'other'))", path.resolve('/app'))).toEqual([]);
    expect(folderLoads(loader, 'fs.readdirSync(`${root}/${kind}/x`)', path.resolve('/app'))).toEqual([]);
  });
});

describe('the folder a load of a built path reads from', () => {
  const from = (argument: string, text: string, file: string) => {
    const load = loadedFromFolder(loader, argument, text, path.resolve('/app'));
    return load !== null && isLoadedBy(load, path.resolve(file));
  };

  it('follows the constants the path is built from, and tells two listed folders apart', () => {
    const text = "const eventsPath = path.join(__dirname, 'events');\nconst filePath = path.join(eventsPath, file);\nconst command = require(`./commands/${folder}/${file}`);";
    expect(from('filePath', text, '/app/src/events/ready.js')).toBe(true);
    expect(from('filePath', text, '/app/src/commands/fun/joke.js')).toBe(false);
    expect(from('`./commands/${folder}/${file}`', text, '/app/src/commands/fun/joke.js')).toBe(true);
    expect(from('`./commands/${folder}/${file}`', text, '/app/src/events/ready.js')).toBe(false);
    expect(from("path.normalize(process.cwd() + `/scripts/${kind}` + '/' + file)", '', '/app/scripts/cmds/help.js')).toBe(true);
  });

  it('reads nothing from a path it cannot build', () => {
    expect(loadedFromFolder(loader, 'pathCommand', 'const x = 1;', path.resolve('/app'))).toBeNull();
    expect(loadedFromFolder(loader, "'./fixed.js'", '', path.resolve('/app'))).toBeNull();
  });
});
