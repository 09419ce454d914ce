import type { TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../resolve/ast.js';

type Node = TSESTree.Node;

/** One exported value of a module: `export const GET = …`, `exports.handler = …`, `export default …`. */
export interface ExportedValue {
  /** Export name; `default` for the default export and for `module.exports = …`. */
  readonly name: string;
  /** The exported expression or declaration (an identifier is resolved by the caller). */
  readonly value: Node;
}

/** `module.exports` (the member expression). */
export function isModuleExports(node: Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    staticPropertyName(node) === 'exports'
  );
}

/** `exports.x`, `module.exports.x`: the export name, else `null`. */
function commonJsExportName(node: Node): string | null {
  if (node.type !== 'MemberExpression') return null;
  const name = staticPropertyName(node);
  if (name === null) return null;
  if ((node.object.type === 'Identifier' && node.object.name === 'exports') || isModuleExports(node.object)) return name;
  return null;
}

/** `module.exports = …` somewhere along an assignment chain (`module.exports = exports = {}`). */
function assignsModuleExports(expression: TSESTree.AssignmentExpression): boolean {
  for (let current: Node = expression; current.type === 'AssignmentExpression'; current = current.right) {
    if (isModuleExports(current.left)) return true;
  }
  return false;
}

/** Every exported value of the file, ESM and CommonJS (top-level assignments). */
export function exportedValues(program: TSESTree.Program): ExportedValue[] {
  const values: ExportedValue[] = [];
  const assignment = (expression: Node) => {
    // `module.exports = exports = fn`
    let current = expression;
    while (current.type === 'AssignmentExpression' && current.operator === '=') {
      const name = commonJsExportName(current.left);
      if (name !== null) values.push({ name, value: current.right });
      else if (isModuleExports(current.left)) {
        if (current.right.type === 'ObjectExpression') {
          for (const property of current.right.properties) {
            if (property.type !== 'Property') continue;
            const key = staticPropertyName(property);
            if (key !== null) values.push({ name: key, value: property.value });
          }
        } else if (current.right.type !== 'AssignmentExpression') {
          values.push({ name: 'default', value: current.right });
        }
      }
      current = current.right;
    }
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration': {
        if (statement.exportKind === 'type') break;
        const declaration = statement.declaration;
        if (declaration?.type === 'FunctionDeclaration' && declaration.id) values.push({ name: declaration.id.name, value: declaration });
        else if (declaration?.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === 'Identifier' && declarator.init) values.push({ name: declarator.id.name, value: declarator.init });
          }
        }
        if (!statement.source) {
          for (const specifier of statement.specifiers) {
            if (specifier.exportKind === 'type' || specifier.local.type !== 'Identifier') continue;
            const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
            values.push({ name: exported, value: specifier.local });
          }
        }
        break;
      }
      case 'ExportDefaultDeclaration':
        values.push({ name: 'default', value: statement.declaration });
        break;
      case 'ExpressionStatement':
        assignment(statement.expression);
        break;
      case 'VariableDeclaration':
        // `const db = module.exports = {}`: the module object is the variable's value (its members may be assigned later).
        for (const declarator of statement.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init?.type === 'AssignmentExpression' && assignsModuleExports(declarator.init)) {
            values.push({ name: 'default', value: declarator.id });
          }
        }
        break;
      default:
        break;
    }
  }
  return values;
}
