import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

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
export function* annotatedUses(sourceCode: Readonly<TSESLint.SourceCode>, specifier: TSESTree.ImportClause): Generator<AnnotatedUse> {
  const variable = sourceCode.getDeclaredVariables(specifier)[0];
  if (!variable) return;
  const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value) : null;
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    let typeName = imported;
    let nameNode: Node = identifier;
    if (typeName === null) {
      const qualified = identifier.parent;
      if (qualified?.type !== 'TSQualifiedName' || qualified.left !== identifier) continue;
      typeName = qualified.right.name;
      nameNode = qualified;
    }
    const typeReference = nameNode.parent;
    if (typeReference?.type !== 'TSTypeReference' || typeReference.typeName !== nameNode) continue;
    const annotation = typeReference.parent;
    if (annotation?.type !== 'TSTypeAnnotation' || !annotation.parent) continue;
    yield { typeName, owner: annotation.parent };
  }
}
