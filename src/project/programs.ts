import { isBuiltin } from 'node:module';
import { escapeRegExp } from '../resolve/ast.js';

/**
 * Programs run on their own that serve nothing: a backup or maintenance daemon that pm2 or cron starts
 * beside the server (`node backup.js <redis> <dir> <interval>`). Its timers and loops run in a process
 * with no concurrent work, so they are no more serving code than a CLI's.
 */

/** Positional command-line arguments read by hand: `process.argv[2]`, `process.argv.slice(2)`, `process.argv.length`. */
const READS_ARGUMENTS = /\bprocess\.argv\s*(?:\[\s*[2-9]\s*\]|\.slice\s*\(\s*[2-9]|\.length\b)/;

/** Imports past this many files: the program is treated as one that may serve (no answer is cheaper than a wrong one). */
const MAX_PROGRAM_FILES = 400;

export interface ProgramGraph {
  /** The file's text, or undefined when it cannot be read. */
  text(file: string): string | undefined;
  /** Project files the file imports or requires. */
  dependencies(file: string): readonly string[];
  /** Whether a project file's text serves: it starts a server, or uses a server, bot, queue or scheduler framework. */
  serves(file: string, text: string): boolean;
}

/**
 * Whether `file` (which no project file imports, and which is no service entry) is a program that reads
 * its own arguments and, with everything it imports, starts no server and uses no serving framework.
 * Any file that cannot be read, or a closure past `MAX_PROGRAM_FILES`, answers no.
 */
export function isStandaloneProgram(file: string, graph: ProgramGraph): boolean {
  const own = graph.text(file);
  if (own === undefined || !READS_ARGUMENTS.test(own)) return false;
  const seen = new Set([file]);
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const text = current === file ? own : graph.text(current);
    if (text === undefined || graph.serves(current, text)) return false;
    for (const dependency of graph.dependencies(current)) {
      if (seen.has(dependency)) continue;
      if (seen.size >= MAX_PROGRAM_FILES) return false;
      seen.add(dependency);
      pending.push(dependency);
    }
  }
  return true;
}

/** Redis clients are a framework only for their subscriptions: a program that only reads and writes keys serves nothing. */
const CLIENT_MODULES = new Set(['redis', 'ioredis', '@redis/client']);
const NAMES_CLIENT = /(['"`])(?:redis|ioredis|@redis\/client)\1/;
const SUBSCRIBES = /\.p?subscribe\s*\(|\.on\s*\(\s*['"`]p?message['"`]/;

/**
 * Whether a file's text serves, given the framework modules the catalog knows (`express`, `discord.js`, `bullmq`…;
 * Node.js builtins such as `fs` and `child_process` say nothing): it names one in quotes, or subscribes with a Redis client.
 */
export function servingTextTest(frameworkModules: Iterable<string>): (text: string) => boolean {
  const names = [...new Set(frameworkModules)].filter((name) => !isBuiltin(name) && !CLIENT_MODULES.has(name)).map(escapeRegExp);
  const framework = names.length === 0 ? /$^/ : new RegExp(`(['"\`])(?:${names.join('|')})(?:/[^'"\`]*)?\\1`);
  return (text) => framework.test(text) || (NAMES_CLIENT.test(text) && SUBSCRIBES.test(text));
}
