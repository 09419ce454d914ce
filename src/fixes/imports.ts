import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { requireSource } from '../resolve/ast.js';
import { programStatements } from '../resolve/program-statements.js';

type Node = TSESTree.Node;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

export type ModuleKind = 'esm' | 'cjs';

/** An expression that reaches an export from the call site, plus the fixes that make it reachable. */
export interface Binding {
  readonly text: string;
  readonly fixes: (fixer: Fixer) => Fix[];
}

/** `node:fs/promises` and `fs/promises` name the same module. */
function sameModule(specifier: string, module: string): boolean {
  return specifier === module || specifier === module.replace(/^node:/, '') || `node:${specifier}` === module;
}

/**
 * The `sourceType` the user configured, or `undefined` where the host has no such setting. oxlint
 * (whose `languageOptions.parser` is named 'oxlint') reports what its parser inferred instead:
 * 'script' for every .js/.ts/.jsx/.tsx file without import or export, 'commonjs' for .cjs/.cts. Both
 * say nothing that `moduleKindOf`'s own checks (module syntax, file extension) do not, and taking
 * 'script' as CommonJS would add `require` calls to ES modules and TypeScript files that merely
 * import nothing yet, where ESLint (default `sourceType: 'module'`) adds an import.
 */
export function configuredSourceType(languageOptions: { readonly sourceType?: string; readonly parser?: unknown } | undefined): string | undefined {
  const parser = languageOptions?.parser as { readonly name?: unknown } | undefined;
  return parser?.name === 'oxlint' ? undefined : languageOptions?.sourceType;
}

/** Whether a new import/require should be written as ESM or CommonJS in this file. */
export function moduleKindOf(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, sourceType: string | undefined): ModuleKind {
  for (const statement of programStatements(sourceCode.ast)) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration') return 'esm';
    if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.exportKind !== 'type') return 'esm';
  }
  if (sourceType === 'commonjs' || sourceType === 'script' || /\.c[jt]s$/.test(filename)) return 'cjs';
  if (/\.m[jt]s$/.test(filename)) return 'esm';
  // A `.js`/`.ts` file without import or export: CommonJS when it uses require or module.exports.
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/.test(sourceCode.text) ? 'cjs' : 'esm';
}

/** True when `name` is free at `at` and declaring it at module level would not shadow anything. */
function isFreeName(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, name: string): boolean {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at);
  while (scope) {
    if (scope.set.has(name)) return false;
    if (scope.type === 'global' && scope.through.some((reference) => reference.identifier.name === name)) return false;
    scope = scope.upper;
  }
  return true;
}

function freeName(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, wanted: string): string {
  if (isFreeName(sourceCode, at, wanted)) return wanted;
  for (let index = 1; ; index++) {
    const candidate = `${wanted}Async${index === 1 ? '' : index}`;
    if (isFreeName(sourceCode, at, candidate)) return candidate;
  }
}

/** The local name of `identifier` resolves, at `at`, to the module-level variable it names. */
function resolvesToModuleLevel(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, declaration: Node, name: string): boolean {
  const declared = sourceCode.getDeclaredVariables(declaration).find((variable) => variable.name === name);
  if (!declared) return false;
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable) return variable === declared;
    scope = scope.upper;
  }
  return false;
}

/** The file's line break: the first one it uses (`\r\n` in a CRLF file), `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const found = /\r\n|\n|\r/.exec(text);
  return found ? found[0] : '\n';
}

const quoteCache = new WeakMap<object, "'" | '"'>();

/**
 * The quote the file writes module specifiers with: that of its first import or require, else of
 * its first string literal, else a single quote.
 */
export function quoteOf(sourceCode: Readonly<TSESLint.SourceCode>): "'" | '"' {
  const cached = quoteCache.get(sourceCode);
  if (cached) return cached;
  let quote: "'" | '"' | undefined;
  const from = (raw: string | undefined) => (raw?.[0] === '"' ? '"' : raw?.[0] === "'" ? "'" : undefined);
  for (const statement of programStatements(sourceCode.ast)) {
    if (statement.type === 'ImportDeclaration') quote = from(statement.source.raw);
    else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init?.type === 'MemberExpression' ? declarator.init.object : declarator.init;
        if (requireSource(init) !== null) quote = from(((init as TSESTree.CallExpression).arguments[0] as TSESTree.Literal).raw);
        if (quote) break;
      }
    }
    if (quote) break;
  }
  if (!quote) {
    const tokens = sourceCode.ast.tokens ?? [];
    for (let index = 0; index < tokens.length && index < 5_000; index++) {
      if (tokens[index]!.type === 'String') {
        quote = from(tokens[index]!.value);
        break;
      }
    }
  }
  quote ??= "'";
  quoteCache.set(sourceCode, quote);
  return quote;
}

/** `text` as a string literal in the file's quote, escaped so that it always parses. */
export function stringLiteral(sourceCode: Readonly<TSESLint.SourceCode>, text: string): string {
  const quote = quoteOf(sourceCode);
  const escaped = text.replace(/[\\'"\n\r\u2028\u2029]/g, (char) => {
    if (char === '\\') return '\\\\';
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\u2028') return '\\u2028';
    if (char === '\u2029') return '\\u2029';
    return char === quote ? `\\${char}` : char;
  });
  return `${quote}${escaped}${quote}`;
}

/** Where new top-level statements go: after the last import (ESM) or require (CJS), else after directives. */
function insertStatement(sourceCode: Readonly<TSESLint.SourceCode>, fixer: Fixer, statementText: string, kind: ModuleKind): Fix {
  const body = programStatements(sourceCode.ast);
  let anchor: Node | undefined;
  for (const statement of body) {
    if (kind === 'esm' ? statement.type === 'ImportDeclaration' : isRequireDeclaration(statement)) anchor = statement;
  }
  if (!anchor) {
    for (const statement of body) {
      // Only a directive has a `directive` text (other statements: `undefined` in typescript-eslint's AST, `null` in oxlint's).
      if (statement.type === 'ExpressionStatement' && typeof statement.directive === 'string') anchor = statement;
      else break;
    }
  }
  // In the file's own line break: an LF line in a CRLF file is a diff on every save.
  const newline = lineBreakOf(sourceCode.text);
  if (anchor) return fixer.insertTextAfter(anchor, `${newline}${statementText}`);
  return fixer.insertTextBefore(body[0]!, `${statementText}${newline}`);
}


/** `const x = require('m')` or `const x = require('m').y`: where new requires go after. */
function isRequireDeclaration(statement: Node): boolean {
  return (
    statement.type === 'VariableDeclaration' &&
    statement.declarations.some((declarator) => {
      const init = declarator.init?.type === 'MemberExpression' ? declarator.init.object : declarator.init;
      return requireSource(init) !== null;
    })
  );
}

/** `write-file-atomic` -> `writeFileAtomic`: the conventional local name of a default export. */
function defaultLocalName(module: string): string {
  const base = module.replace(/^node:/, '').split('/').at(-1)!.replace(/[^A-Za-z0-9_$-]/g, '');
  const camel = base.replace(/-([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return /^[A-Za-z_$]/.test(camel) ? camel : `_${camel}`;
}

/** The default export (`module.exports` of a CommonJS package) of `module` at `at`. */
function ensureDefaultBinding(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, module: string, kind: ModuleKind): Binding {
  const none = () => [] as Fix[];
  const body = programStatements(sourceCode.ast);
  const local = () => freeName(sourceCode, at, defaultLocalName(module));
  if (kind === 'esm') {
    let extendable: TSESTree.ImportDeclaration | null = null;
    for (const statement of body) {
      if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || !sameModule(statement.source.value, module)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') continue;
        if (!resolvesToModuleLevel(sourceCode, at, specifier, specifier.local.name)) continue;
        return { text: specifier.type === 'ImportDefaultSpecifier' ? specifier.local.name : `${specifier.local.name}.default`, fixes: none };
      }
      if (!extendable && statement.specifiers.length > 0 && statement.specifiers.every((specifier) => specifier.type === 'ImportSpecifier')) extendable = statement;
    }
    const name = local();
    if (extendable) {
      const brace = sourceCode.getFirstToken(extendable, { filter: (token) => token.value === '{' })!;
      return { text: name, fixes: (fixer) => [fixer.insertTextBefore(brace, `${name}, `)] };
    }
    return { text: name, fixes: (fixer) => [insertStatement(sourceCode, fixer, `import ${name} from ${stringLiteral(sourceCode, module)};`, kind)] };
  }
  for (const statement of body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const source = requireSource(declarator.init);
      if (source !== null && sameModule(source, module) && declarator.id.type === 'Identifier' && resolvesToModuleLevel(sourceCode, at, declarator, declarator.id.name)) {
        return { text: declarator.id.name, fixes: none };
      }
    }
  }
  const name = local();
  return { text: name, fixes: (fixer) => [insertStatement(sourceCode, fixer, `const ${name} = require(${stringLiteral(sourceCode, module)});`, kind)] };
}

/**
 * An expression for `module`'s export `name` (`default`: the module's default export) at `at`: reuses an existing import or require
 * (`readFile`, `fsp.readFile`), extends an existing named import or destructuring, or adds a new
 * import/require statement, picking a local name that clashes with nothing.
 */
export function ensureBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  at: Node,
  module: string,
  name: string,
  kind: ModuleKind,
  /** Local name for a new binding when `name` itself would mislead (`setTimeout` -> `sleep`). */
  preferredLocal?: string,
): Binding {
  if (name === 'default') return ensureDefaultBinding(sourceCode, at, module, kind);
  const none = () => [] as Fix[];
  const body = programStatements(sourceCode.ast);

  if (kind === 'esm') {
    let extendable: TSESTree.ImportDeclaration | null = null;
    for (const statement of body) {
      if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || !sameModule(statement.source.value, module)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          if (imported === name && specifier.importKind !== 'type' && resolvesToModuleLevel(sourceCode, at, specifier, specifier.local.name)) {
            return { text: specifier.local.name, fixes: none };
          }
        } else if (resolvesToModuleLevel(sourceCode, at, specifier, specifier.local.name)) {
          return { text: `${specifier.local.name}.${name}`, fixes: none };
        }
      }
      if (!extendable && statement.specifiers.some((specifier) => specifier.type === 'ImportSpecifier')) extendable = statement;
    }
    const local = freeName(sourceCode, at, preferredLocal ?? name);
    const specifierText = local === name ? name : `${name} as ${local}`;
    if (extendable) {
      const last = extendable.specifiers.at(-1)!;
      return { text: local, fixes: (fixer) => [fixer.insertTextAfter(last, `, ${specifierText}`)] };
    }
    return { text: local, fixes: (fixer) => [insertStatement(sourceCode, fixer, `import { ${specifierText} } from ${stringLiteral(sourceCode, module)};`, kind)] };
  }

  let extendable: TSESTree.ObjectPattern | null = null;
  for (const statement of body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const source = requireSource(declarator.init);
      if (source === null || !sameModule(source, module)) continue;
      if (declarator.id.type === 'Identifier' && resolvesToModuleLevel(sourceCode, at, declarator, declarator.id.name)) {
        return { text: `${declarator.id.name}.${name}`, fixes: none };
      }
      if (declarator.id.type === 'ObjectPattern') {
        for (const property of declarator.id.properties) {
          if (
            property.type === 'Property' &&
            !property.computed &&
            property.key.type === 'Identifier' &&
            property.key.name === name &&
            property.value.type === 'Identifier' &&
            resolvesToModuleLevel(sourceCode, at, declarator, property.value.name)
          ) {
            return { text: property.value.name, fixes: none };
          }
        }
        if (!extendable && !declarator.id.properties.some((property) => property.type === 'RestElement')) extendable = declarator.id;
      }
    }
  }
  const local = freeName(sourceCode, at, preferredLocal ?? name);
  const propertyText = local === name ? name : `${name}: ${local}`;
  if (extendable && extendable.properties.length > 0) {
    const last = extendable.properties.at(-1)!;
    return { text: local, fixes: (fixer) => [fixer.insertTextAfter(last, `, ${propertyText}`)] };
  }
  return { text: local, fixes: (fixer) => [insertStatement(sourceCode, fixer, `const { ${propertyText} } = require(${stringLiteral(sourceCode, module)});`, kind)] };
}
