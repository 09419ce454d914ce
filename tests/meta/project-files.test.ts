// What a company's review of a dependency looks for: license, changelog, release process,
// contributing guide, issue templates, CI — present and consistent with package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { version: string; license: string; files: string[]; dependencies?: Record<string, string> };

describe('project files', () => {
  it('LICENSE is the MIT license package.json names', () => {
    expect(packageJson.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(read('LICENSE')).toContain('Permission is hereby granted, free of charge');
  });

  it('CHANGELOG has an Unreleased section and the current version', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain('## [Unreleased]');
    expect(changelog).toContain(`## [${packageJson.version}]`);
  });

  it('release-please is configured for this package at the current version', () => {
    const config = JSON.parse(read('release-please-config.json')) as { packages: Record<string, { 'release-type': string; 'changelog-path': string }> };
    expect(config.packages['.']).toMatchObject({ 'release-type': 'node', 'changelog-path': 'CHANGELOG.md' });
    expect(JSON.parse(read('.release-please-manifest.json'))).toEqual({ '.': packageJson.version });
    expect(read('.github/workflows/release.yml')).toContain('googleapis/release-please-action');
  });

  it('CI runs npm ci and npm test; the issue templates are there', () => {
    const ci = read('.github/workflows/ci.yml');
    expect(ci).toContain('npm ci');
    expect(ci).toContain('npm test');
    const templates = readdirSync(path.join(ROOT, '.github/ISSUE_TEMPLATE'));
    expect(templates).toEqual(expect.arrayContaining(['bug.yml', 'false-positive.yml', 'feature.yml', 'config.yml']));
    for (const template of templates.filter((file) => file !== 'config.yml')) {
      expect(read(`.github/ISSUE_TEMPLATE/${template}`), template).toMatch(/^name: .+\ndescription: .+\n/);
    }
  });

  it('CONTRIBUTING explains set-up, tests and the release process', () => {
    const contributing = read('CONTRIBUTING.md');
    for (const part of ['npm ci', 'npm test', 'Conventional Commits', 'release-please']) expect(contributing).toContain(part);
    expect(existsSync(path.join(ROOT, 'docs/architecture.md'))).toBe(true);
  });

  it('runtime dependencies bring no TypeScript and stay few', () => {
    const dependencies = Object.keys(packageJson.dependencies ?? {});
    // diff: the CLI's listing; picomatch: workerFiles globs; oxc-resolver and tinyglobby: the project model's
    // module resolution and file listing (files of the project are parsed with ESLint's own espree).
    expect(dependencies).toEqual(['diff', 'oxc-resolver', 'picomatch', 'tinyglobby']);
  });
});

describe('docs links name the released version', () => {
  it('links into this repository name the tag of the current version, and release-please keeps them current', () => {
    const config = JSON.parse(read('release-please-config.json')) as { packages: Record<string, { 'extra-files'?: { type: string; path: string }[] }> };
    const kept = new Set((config.packages['.']!['extra-files'] ?? []).map((file) => file.path));
    const docs = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
    let links = 0;
    for (const file of docs) {
      for (const line of read(file).split('\n')) {
        for (const [, ref] of line.matchAll(/github\.com\/eslint-plugin-event-loop\/eslint-plugin-event-loop\/(?:blob|tree)\/([^/]+)\//g)) {
          links++;
          expect(ref, `${file}: ${line}`).toBe(`v${packageJson.version}`);
          expect(line, file).toContain('x-release-please-version');
          expect(kept.has(file), `${file} is in release-please's extra-files`).toBe(true);
        }
      }
    }
    expect(links).toBeGreaterThan(0);
  });
});
