// Rebuilds a labelled real-code corpus (the input of scripts/real-code-eval.mjs) from the survey's
// committed records and local git mirrors of its repos, without network.
//
//   node scripts/real-code-corpus.mjs tests/real-code/survey-7 /work/corpus7 [--mirrors /work/.mirror]
//
// For each repo of <survey>/corpus.json: finds its mirror (<mirrors>/<owner>+<name>/repo, a bare git
// dir), extracts the labelled commit into <corpus>/src/<owner>__<name>/ (unless its `.commit` already
// says that commit; blobs the snapshot lacks are skipped, and an entry's `extract` limits it to those
// paths), writes `.files` from <survey>/files.json (the include/exclude globs that notes.md states in
// prose, relative to the repo root; only JS/TS sources, no `.d.ts`; `note` says why where the prose
// does not) and, where corpus.json says
// `"tsconfig": "generated"`, a permissive tsconfig.json listing those files. It then copies
// labels.jsonl, writes manifest.json and puts @types/node at the corpus root (typed mode's only
// dependency). It checks each repo's file and line counts against corpus.json and that every
// labelled path is in `.files`, and exits 1 on a mismatch. The corpora's code is never committed.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `baseUrl` and `paths` of the repository's own root tsconfig.json (JSON with comments), read from git. */
function ownAliases(gitDir, commit) {
  let text;
  try {
    text = execSync(`git --git-dir=${sh(gitDir)} show ${commit}:tsconfig.json`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    return {};
  }
  const { config } = ts.parseConfigFileTextToJson('tsconfig.json', text);
  const options = config?.compilerOptions ?? {};
  const aliases = {};
  if (typeof options.baseUrl === 'string') aliases.baseUrl = options.baseUrl;
  if (options.paths && typeof options.paths === 'object') aliases.paths = options.paths;
  return aliases;
}
const args = process.argv.slice(2);
const mirrorsIndex = args.indexOf('--mirrors');
const mirrors = path.resolve(mirrorsIndex >= 0 ? args[mirrorsIndex + 1] : '/work/.mirror');
const [survey, corpus] = args.filter((arg, index) => !arg.startsWith('--') && (mirrorsIndex < 0 || index !== mirrorsIndex + 1)).map((arg) => path.resolve(arg));
if (!survey || !corpus) {
  console.error('usage: node scripts/real-code-corpus.mjs <survey-dir> <corpus-dir> [--mirrors <dir>]');
  process.exit(2);
}

const SOURCE = /\.(c|m)?[jt]sx?$/; // as real-code-eval.mjs filters `.files`
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const repos = readJson(path.join(survey, 'corpus.json'));
const selections = new Map(readJson(path.join(survey, 'files.json')).map((entry) => [entry.repo, entry]));
const labels = readFileSync(path.join(survey, 'labels.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const sh = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/** Extracts the commit's tree, less the blobs the snapshot lacks (files of 4 MiB and more), or only `paths`. */
function extract(gitDir, commit, dest, paths = []) {
  if (existsSync(path.join(dest, '.commit')) && readFileSync(path.join(dest, '.commit'), 'utf8').trim() === commit) return;
  const git = `git --git-dir=${sh(gitDir)}`;
  const entries = execSync(`${git} ls-tree -r -z --format='%(objecttype) %(objectname) %(path)' ${commit}`, { maxBuffer: 1 << 28 })
    .toString().split('\0').filter((entry) => entry.startsWith('blob ')).map((entry) => ({ id: entry.slice(5, 45), file: entry.slice(46) }));
  const checked = execSync(`${git} cat-file --batch-check`, { input: entries.map((entry) => entry.id).join('\n'), maxBuffer: 1 << 28 }).toString().split('\n');
  const absent = entries.filter((_, index) => checked[index].endsWith(' missing')).map((entry) => entry.file);
  if (absent.length > 0) console.warn(`  ${path.basename(dest)}: ${absent.length} file(s) missing from the snapshot, not extracted: ${absent.join(', ')}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const pathspecs = [...(paths.length > 0 ? paths : ['.']), ...absent.map((file) => `:(exclude,literal)${file}`)];
  execSync(`set -o pipefail; ${git} archive ${commit} -- ${pathspecs.map(sh).join(' ')} | tar -x -C ${sh(dest)}`, { shell: '/bin/bash', stdio: ['ignore', 'ignore', 'pipe'] });
  writeFileSync(path.join(dest, '.commit'), `${commit}\n`);
}

const manifest = [];
let mismatches = 0;
for (const { repo, commit, tsconfig, files: expectedFiles, lines: expectedLines } of repos) {
  const selection = selections.get(repo);
  if (!selection) throw new Error(`${repo}: no entry in files.json`);
  const gitDir = [path.join(mirrors, repo.replace('/', '+'), 'repo'), path.join(mirrors, repo.replace('/', '+'), 'repo', '.git'), path.join(mirrors, repo.replace('/', '+'))].find((dir) => existsSync(path.join(dir, 'HEAD')));
  if (!gitDir) throw new Error(`${repo}: no mirror under ${mirrors} (fetch github:${repo} first)`);
  try {
    execSync(`git --git-dir=${sh(gitDir)} cat-file -e ${commit}^{commit}`, { stdio: 'ignore' });
  } catch {
    throw new Error(`${repo}: commit ${commit} is not in the mirror ${gitDir}`);
  }
  const relative = `src/${repo.replace('/', '__')}`;
  const dest = path.join(corpus, relative);
  extract(gitDir, commit, dest, selection.extract);

  const files = globSync(selection.include, { cwd: dest, ignore: ['**/node_modules/**', ...selection.exclude], onlyFiles: true, dot: true })
    .filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts'))
    .sort();
  writeFileSync(path.join(dest, '.files'), `${files.join('\n')}\n`);
  if (tsconfig === 'generated') {
    // The application's own import aliases (`"paths": { "@/*": ["./src/*"] }`) stay: its users lint with them.
    const generated = { compilerOptions: { allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', jsx: 'preserve', types: ['node'], ...ownAliases(gitDir, commit) }, include: files };
    writeFileSync(path.join(dest, 'tsconfig.json'), `${JSON.stringify(generated, null, 2)}\n`);
  }
  manifest.push({ repo, commit, path: relative });

  // The selection must be the one the labels were made on.
  const lines = files.reduce((sum, file) => sum + readFileSync(path.join(dest, file), 'utf8').split('\n').length, 0);
  const listed = new Set(files);
  const unlisted = [...new Set(labels.filter((label) => label.repo === repo && !listed.has(label.path)).map((label) => label.path))];
  const ok = files.length === expectedFiles && lines === expectedLines && unlisted.length === 0;
  if (!ok) mismatches++;
  console.log(`${ok ? 'ok      ' : 'MISMATCH'} ${repo}: ${files.length} files (corpus.json ${expectedFiles}), ${lines} lines (${expectedLines})` +
    (unlisted.length ? `; labelled but not in .files: ${unlisted.join(', ')}` : ''));
}

writeFileSync(path.join(corpus, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
cpSync(path.join(survey, 'labels.jsonl'), path.join(corpus, 'labels.jsonl'));
for (const name of ['@types/node', 'undici-types']) cpSync(path.join(ROOT, 'node_modules', name), path.join(corpus, 'node_modules', name), { recursive: true, dereference: true });
console.log(`${corpus}: ${manifest.length} repos${mismatches ? `, ${mismatches} not matching corpus.json` : ''}`);
process.exit(mismatches ? 1 : 0);
