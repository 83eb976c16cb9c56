import { readdir } from 'node:fs/promises';

/**
 * `npm run bench -- <name>` runs bench/<name>.bench.ts; `--list` lists them.
 * Every benchmark logs progress to stderr and prints one JSON object as the last line of stdout.
 */
type Bench = { description: string; run: () => Promise<Record<string, unknown>> };

const names = (await readdir(import.meta.dirname))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();

const [arg] = process.argv.slice(2);
if (arg === undefined || arg === '--list') {
  for (const name of names) {
    const bench = (await import(`./${name}.bench.ts`)) as Bench;
    process.stdout.write(`${name.padEnd(12)} ${bench.description}\n`);
  }
  process.exit(arg === undefined ? 2 : 0);
}
if (!names.includes(arg)) {
  process.stderr.write(`unknown benchmark "${arg}"; available: ${names.join(', ')}\n`);
  process.exit(2);
}
const bench = (await import(`./${arg}.bench.ts`)) as Bench;
const figures = await bench.run();
process.stdout.write(JSON.stringify({ name: arg, ...figures }) + '\n');
