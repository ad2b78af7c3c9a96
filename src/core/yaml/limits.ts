// Resource limits of reading, shared by the full parse and the quick read.

/** Worksheets are a few kilobytes; anything above this is not one. */
export const MAX_FILE_CHARS = 1_000_000;
/**
 * The yaml package refuses more than 100 alias expansions by default, which a
 * legitimate file that reuses anchors for people and themes can reach. A few
 * thousand still stops an exponential "billion laughs" expansion at once.
 */
export const MAX_ALIAS_COUNT = 5_000;
