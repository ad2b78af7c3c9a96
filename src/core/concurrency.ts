// Many calls at once, a few at a time: file systems answer faster with
// several reads in flight, and a remote one waits a round trip per call.

/** Calls `fn` on every item, at most `limit` at once; resolves when all have. */
export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
