import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The type name of a default import used as a type (`(files: FileManagerService)`). */
export const DEFAULT_EXPORT = 'default';

export interface AnnotatedUse {
  /** The imported type's name: `Request` for `import { Request }` and for `express.Request`. */
  readonly typeName: string;
  /** What the annotation types: a parameter, a class field, a variable declarator's id… */
  readonly owner: Node;
}

/**
 * Every place an import (type-only ones included) names the type of a value:
 * `(req: Request)` for a named import, `(db: sqlite.DatabaseSync)` for a namespace or default one.
 */
export function* annotatedUses(
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifier: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration,
  /** Yield `(files: FileManagerService)` of `import FileManagerService from './x'` as the type `default`. */
  defaultImport = false,
): Generator<AnnotatedUse> {
  const variable = sourceCode.getDeclaredVariables(specifier)[0];
  if (!variable) return;
  // `import BetterSqlite3 = require('better-sqlite3')` names the module, as a namespace import does.
  const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value) : null;
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    let typeName = imported;
    let nameNode: Node = identifier;
    if (typeName === null) {
      const qualified = identifier.parent;
      // A default-exported class names its instances (`export default class FileManagerService`).
      if (defaultImport && specifier.type === 'ImportDefaultSpecifier' && qualified?.type === 'TSTypeReference') typeName = DEFAULT_EXPORT;
      else if (qualified?.type !== 'TSQualifiedName' || qualified.left !== identifier) continue;
      else {
        typeName = qualified.right.name;
        nameNode = qualified;
      }
    }
    const typeReference = nameNode.parent;
    if (typeReference?.type !== 'TSTypeReference' || typeReference.typeName !== nameNode) continue;
    // `Database | undefined`: a field set later holds the type when it holds anything.
    let annotation = typeReference.parent;
    while (annotation?.type === 'TSUnionType') annotation = annotation.parent;
    if (annotation?.type !== 'TSTypeAnnotation' || !annotation.parent) continue;
    yield { typeName, owner: annotation.parent };
  }
}
