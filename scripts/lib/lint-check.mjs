// Lints files with every rule of `configs.all`, counts crashes, applies every suggestion and
// re-parses (and re-lints) the result. Shared by scripts/corpus-check.mjs and
// tests/quality/corpus-slice.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
// The plugin's own child walk (npm test and the scripts build dist first).
import { forEachChild } from '../../dist/src/resolve/ast.js';

const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
const isJsx = (file) => /\.[jt]sx$/.test(file);

/** ESLint with every rule of the plugin on, untyped or with the project service. */
export function createAllRulesESLint(plugin, { cwd, typed = false, tsconfigRootDir } = {}) {
  const parserOptions = typed ? { projectService: true, tsconfigRootDir: tsconfigRootDir ?? cwd } : {};
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      { linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
      { files: SOURCE_FILES, languageOptions: { parser: tsParser, parserOptions: { ...parserOptions, ecmaFeatures: { jsx: true } } } },
      plugin.configs.all,
    ],
  });
}

/**
 * Parse errors of `text` as `file` under @typescript-eslint/parser (null when it parses). The
 * parser accepts `await` in a function that is not async (TypeScript reports it later, as a
 * semantic error), which is exactly how a swap-to-async suggestion would break code: that is
 * checked here too, as is `await` at the top level of a CommonJS script.
 */
export function parseError(text, file) {
  const script = /\.c[jt]s$/.test(file);
  let parsed;
  try {
    parsed = tsParser.parseForESLint(text, {
      filePath: file,
      ecmaVersion: 'latest',
      sourceType: script ? 'script' : 'module',
      ecmaFeatures: { jsx: isJsx(file) || /\.[cm]?js$/.test(file) },
      range: true,
      loc: true,
    });
  } catch (error) {
    return String(error.message ?? error).split('\n')[0];
  }
  return misplacedAwait(parsed.ast, parsed.visitorKeys, script);
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function misplacedAwait(program, visitorKeys, script) {
  // `async` of the innermost function, `!script` at the top level (modules allow top-level await).
  const visit = (node, asyncAllowed) => {
    if ((node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) && !asyncAllowed) {
      return `line ${node.loc.start.line}: await outside an async function`;
    }
    let inner = asyncAllowed;
    if (FUNCTIONS.has(node.type)) inner = node.async;
    // Class field initialisers and static blocks are not part of an async function's body.
    else if (node.type === 'StaticBlock' || node.type === 'PropertyDefinition') inner = false;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = node[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (!child || typeof child.type !== 'string') continue;
        // A computed key or decorator of a class member belongs to the enclosing scope.
        const childAllowed = node.type === 'PropertyDefinition' && (key === 'key' || key === 'decorators') ? asyncAllowed : inner;
        const found = visit(child, childAllowed);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(program, !script);
}

const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

/**
 * Lints every file (one at a time, so a crash names its file and never hides the others),
 * applies each suggestion, re-parses and re-lints the result, and with `typeErrors`
 * (createTypeErrorDiff) type-checks it against the file's tsconfig.
 */
export async function checkFiles(eslint, files, { relint = true, onFile, typeErrors = null, transform = null } = {}) {
  const summary = { files: 0, lines: 0, reports: 0, crashes: [], fatal: [], suggestions: 0, brokenSuggestions: [], relintCrashes: [], byRule: {}, typeChecked: 0, newTypeErrors: [] };
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    const text = transform ? transform(original, file) : original;
    if (text === null) continue;
    summary.files++;
    summary.lines += text.split('\n').length;
    let results;
    try {
      results = await eslint.lintText(text, { filePath: file });
    } catch (error) {
      summary.crashes.push({ file, error: String(error.stack ?? error).split('\n').slice(0, 4).join('\n') });
      continue;
    }
    for (const message of results[0]?.messages ?? []) {
      if (message.fatal) {
        summary.fatal.push({ file, message: message.message });
        continue;
      }
      if (!message.ruleId?.startsWith('event-loop/')) continue;
      summary.reports++;
      const rule = (summary.byRule[message.ruleId] ??= { reports: 0, suggestions: 0 });
      rule.reports++;
      for (const suggestion of message.suggestions ?? []) {
        summary.suggestions++;
        rule.suggestions++;
        const output = applyFix(text, suggestion.fix);
        const error = parseError(output, file);
        if (error) {
          summary.brokenSuggestions.push({ file, line: message.line, column: message.column, ruleId: message.ruleId, suggestion: suggestion.desc, error });
          continue;
        }
        if (typeErrors) {
          const added = typeErrors.newErrors(file, output, text === original ? undefined : text);
          if (added) {
            summary.typeChecked++;
            if (added.length > 0) summary.newTypeErrors.push({ file, line: message.line, column: message.column, ruleId: message.ruleId, suggestion: suggestion.desc, errors: added });
          }
        }
        if (relint) {
          try {
            await eslint.lintText(output, { filePath: file });
          } catch (relintError) {
            summary.relintCrashes.push({ file, line: message.line, error: String(relintError.message ?? relintError).split('\n')[0] });
          }
        }
      }
    }
    onFile?.(file, summary);
  }
  return summary;
}

export const relativeTo = (root) => (file) => path.relative(root, file);

/**
 * TypeScript errors a suggestion adds: each file's semantic and syntactic diagnostics under its
 * own tsconfig.json (the nearest one), before and after the suggestion, compared as multisets of
 * code and message. One language service per tsconfig; the edited text is an in-memory overlay.
 */
/** Cannot find module, cannot find name (a Node.js module without @types/node), no declaration file. */
const UNRESOLVED_MODULE = new Set([2307, 2591, 7016]);

export async function createTypeErrorDiff() {
  const { default: ts } = await import('typescript');
  const services = new Map();
  const serviceFor = (file) => {
    const configPath = ts.findConfigFile(path.dirname(file), ts.sys.fileExists);
    if (!configPath) return null;
    let entry = services.get(configPath);
    if (!entry) {
      const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      const overlay = new Map();
      const versions = new Map();
      const host = {
        getScriptFileNames: () => [...new Set([...config.fileNames, ...overlay.keys()])],
        getScriptVersion: (name) => String(versions.get(name) ?? 0),
        getScriptSnapshot: (name) => {
          const text = overlay.get(name) ?? (ts.sys.fileExists(name) ? ts.sys.readFile(name) : undefined);
          return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
        },
        getCurrentDirectory: () => path.dirname(configPath),
        getCompilationSettings: () => config.options,
        getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
        fileExists: ts.sys.fileExists,
        readFile: ts.sys.readFile,
        readDirectory: ts.sys.readDirectory,
        directoryExists: ts.sys.directoryExists,
        getDirectories: ts.sys.getDirectories,
      };
      entry = { service: ts.createLanguageService(host, ts.createDocumentRegistry()), overlay, versions };
      services.set(configPath, entry);
    }
    return entry;
  };
  const diagnosticsOf = (entry, file, text) => {
    if (text === undefined) entry.overlay.delete(file);
    else entry.overlay.set(file, text);
    entry.versions.set(file, (entry.versions.get(file) ?? 0) + 1);
    // A module the checkout cannot resolve (its dependencies or @types/node not installed) is the
    // environment's error, whichever specifier a suggestion imports it by.
    const found = [...entry.service.getSyntacticDiagnostics(file), ...entry.service.getSemanticDiagnostics(file)].filter((diagnostic) => !UNRESOLVED_MODULE.has(diagnostic.code));
    return found.map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  };
  return {
    /** The errors `after` has that `before` (default: the file as it is) does not; null when no tsconfig covers the file. */
    newErrors(file, after, beforeText) {
      const entry = serviceFor(file);
      if (!entry) return null;
      const before = diagnosticsOf(entry, file, beforeText);
      const afterErrors = diagnosticsOf(entry, file, after);
      diagnosticsOf(entry, file, undefined);
      const remaining = new Map();
      for (const error of before) remaining.set(error, (remaining.get(error) ?? 0) + 1);
      return afterErrors.filter((error) => {
        const count = remaining.get(error) ?? 0;
        if (count === 0) return true;
        remaining.set(error, count - 1);
        return false;
      });
    },
  };
}

/**
 * The file with every plain function made `async` (function declarations and expressions, arrow
 * functions; not methods, getters, constructors or generators): every sync call in it is then in
 * an async function, so the rules report it and suggest a rewrite. A stress input for suggestion
 * validity on real code; null when the file does not parse.
 */
export function everyFunctionAsync(text, file) {
  let parsed;
  try {
    parsed = tsParser.parseForESLint(text, { filePath: file, ecmaVersion: 'latest', sourceType: /\.c[jt]s$/.test(file) ? 'script' : 'module', ecmaFeatures: { jsx: isJsx(file) || /\.[cm]?js$/.test(file) }, range: true });
  } catch {
    return null;
  }
  const inserts = [];
  const visit = (node, parent) => {
    const plain = !node.async && !node.generator && !node.declare;
    if (plain && (node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression')) inserts.push(node.range[0]);
    else if (plain && node.type === 'FunctionExpression' && parent?.type !== 'MethodDefinition' && parent?.type !== 'TSAbstractMethodDefinition' && !(parent?.type === 'Property' && (parent.method || parent.kind !== 'init'))) inserts.push(node.range[0]);
    forEachChild(node, parsed.visitorKeys, (child) => visit(child, node));
  };
  visit(parsed.ast, null);
  let out = text;
  for (const at of inserts.sort((a, b) => b - a)) out = `${out.slice(0, at)}async ${out.slice(at)}`;
  return out;
}
