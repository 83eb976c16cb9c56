/** What the global setup hands every test file: where the migrated starting state is. */
export type TestDbSource =
  | { engine: 'pglite'; snapshot: string }
  | { engine: 'postgres'; url: string; template: string; prefix: string };

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
