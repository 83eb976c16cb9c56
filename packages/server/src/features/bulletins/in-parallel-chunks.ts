/**
 * Runs `work` over `items` in chunks of `size`, at most `parallel` chunks at a time (each chunk is one transaction
 * of the caller; PostgreSQL overlaps their round trips, PGlite's single connection runs them one after another).
 */
export async function inParallelChunks<T>(
  items: readonly T[],
  size: number,
  parallel: number,
  work: (chunk: readonly T[]) => Promise<void>,
): Promise<void> {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < chunks.length; index = next++) await work(chunks[index] ?? []);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
}
