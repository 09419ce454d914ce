import type { ESLint } from 'eslint';

export interface CheckSummary {
  files: number;
  lines: number;
  reports: number;
  crashes: { file: string; error: string }[];
  /** Files the parser rejected (the corpus's own syntax, not a crash). */
  fatal: { file: string; message: string }[];
  suggestions: number;
  brokenSuggestions: { file: string; line: number; column: number; ruleId: string; suggestion: string; error: string }[];
  relintCrashes: { file: string; line: number; error: string }[];
  byRule: Record<string, { reports: number; suggestions: number }>;
  /** Suggestions type-checked (with `typeErrors`), and those that added TypeScript errors. */
  typeChecked: number;
  newTypeErrors: { file: string; line: number; column: number; ruleId: string; suggestion: string; errors: string[] }[];
}

export interface TypeErrorDiff {
  newErrors(file: string, after: string, before?: string): string[] | null;
}
export function createTypeErrorDiff(): Promise<TypeErrorDiff>;

export function createAllRulesESLint(plugin: ESLint.Plugin & { configs: Record<string, unknown> }, options: { cwd: string; typed?: boolean; tsconfigRootDir?: string }): ESLint;
export function parseError(text: string, file: string): string | null;
export function checkFiles(eslint: ESLint, files: readonly string[], options?: { relint?: boolean; onFile?: (file: string, summary: CheckSummary) => void; typeErrors?: TypeErrorDiff | null; transform?: ((text: string, file: string) => string | null) | null }): Promise<CheckSummary>;
export function relativeTo(root: string): (file: string) => string;
export function everyFunctionAsync(text: string, file: string): string | null;
