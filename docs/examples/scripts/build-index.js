// A build script: runs once from the command line, so sync calls are the right tool here.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const entries = readdirSync('data').map((name) => JSON.parse(readFileSync(`data/${name}`, 'utf8')));
writeFileSync('data/index.json', JSON.stringify(entries));

function summarize() {
  return readdirSync('data').length;
}
console.log(`${summarize()} users indexed`);
