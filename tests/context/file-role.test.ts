import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { fileRole } from '../../src/context/file-role.js';

const CWD = '/home/dev/app';
const roleOf = (file: string, code = 'export {};') => fileRole(`${CWD}/${file}`, CWD, parse(code, { sourceType: 'module' }) as never, code);

describe('fileRole', () => {
  it.each([
    ['src/users.test.ts'],
    ['src/users.spec.js'],
    ['test/users.js'],
    ['tests/helpers/db.ts'],
    ['src/__tests__/users.ts'],
    ['packages/api/e2e/login.ts'],
    ['cypress/support/commands.js'],
    ['packages/e2e_tests/setup/startContainers.ts'],
    ['integration-tests/helpers/server.js'],
    ['src/test-utils/db.ts'],
    ['packages/api/test_helpers/factory.js'],
    ['server/src/testing/testDbFactory.ts'],
    ['server/src/globalTestSetup.ts'],
    ['src/setupTests.js'],
    ['src/global-setup.ts'],
    ['lib/testUtils.js'],
    ['src/Tests/fixtures.ts'],
  ])('%s is a test file by its path', (file) => {
    expect(roleOf(file)).toBe('test');
  });

  it.each([['src/testimonials.ts'], ['src/routes/setup.ts'], ['src/contest/utils.ts'], ['src/latest.ts']])('%s is application code', (file) => {
    expect(roleOf(file)).toBe('application');
  });

  it('a file importing a test framework is a test file', () => {
    expect(roleOf('src/check.ts', "import { describe } from 'vitest';")).toBe('test');
    expect(roleOf('src/check.ts', "import request from 'supertest';")).toBe('test');
  });

  it.each([['scripts/build.js'], ['bin/www'], ['src/migrations/001-init.ts'], ['db/seeds/users.js'], ['vite.config.ts'], ['jest.config.js'], ['gulpfile.js']])(
    '%s is a script by its path',
    (file) => {
      expect(roleOf(file)).toBe('script');
    },
  );

  it('a file importing an argument parser, prompt or spinner library is part of a CLI', () => {
    expect(roleOf('src/helpers/create.ts', "import * as p from '@clack/prompts';")).toBe('script');
    expect(roleOf('src/index.js', "import { Command } from 'commander';")).toBe('script');
    expect(roleOf('src/helpers/git.ts', "import ora from 'ora';")).toBe('script');
  });

  it.each([
    ['cli/src/helpers/scaffold.ts'],
    ['extra/release/lib.mjs'],
    ['packages/db/code-migrations/3-init.ts'],
    ['server/db_migrations/002.js'],
    ['packages/benchmarks/src/run.ts'],
    ['tools/seed-snapshot/src/index.ts'],
    ['tooling/publish/publish.ts'],
    ['src/gui/webpack/BaseConfig.cjs'],
    ['src/gui/dev-server.js'],
  ])('%s is a script by its path', (file) => {
    expect(roleOf(file)).toBe('script');
  });

  it('a file importing a bundler or a build-time plugin API is build tooling', () => {
    expect(roleOf('src/gui/utils.js', "import webpack from 'webpack';")).toBe('script');
    expect(roleOf('apps/mobile/plugins/certs.js', "const { withAndroidManifest } = require('@expo/config-plugins');")).toBe('script');
  });

  it('a CommonJS require of an argument parser counts like an import', () => {
    expect(roleOf('src/index.js', "const { program } = require('commander');")).toBe('script');
  });

  it('a file with a shebang is a script', () => {
    expect(roleOf('src/cli.js', '#!/usr/bin/env node\nexport {};')).toBe('script');
  });

  it.each([['src/routes/users.ts'], ['server.js'], ['app/api/users/route.ts'], ['src/services/testimonials.ts'], ['src/contest/entries.js'], ['src/services/ab-test/assign.ts'], ['src/tools/search.ts'], ['src/lib/migrationsStatus.ts']])(
    '%s is application code',
    (file) => {
      expect(roleOf(file)).toBe('application');
    },
  );

  it('only the path inside the project counts (a project checked out under /tmp/test/ is not a test)', () => {
    expect(fileRole('/tmp/test/app/src/server.js', '/tmp/test/app', parse('export {};') as never, 'export {};')).toBe('application');
  });
});
