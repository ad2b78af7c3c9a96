// Resource limits of reading, shared by the full parse and the quick read.

/** Worksheets are a few kilobytes; anything above this is not one. */
export const MAX_FILE_CHARS = 1_000_000;
/**
 * The yaml package refuses more than 100 alias expansions by default, which a
 * legitimate file that reuses anchors for people and themes can reach. A few
 * thousand still stops an exponential "billion laughs" expansion at once.
 */
export const MAX_ALIAS_COUNT = 5_000;
/**
 * What a reader takes of a file at most: past this many bytes no text can be
 * under MAX_FILE_CHARS (a character is at most four bytes), so it reads this
 * much, the parse refuses the text as too large, and a 300 MB file costs no
 * more than a 4 MB one. Readers check the size from `stat` before reading,
 * but for the editor's first load, which reads a file its folder lists as a
 * plain regular file at once and refuses it after the read, before decoding,
 * if it is past 16 times this (coldLoadFileSystem).
 */
export const MAX_FILE_BYTES = 4 * MAX_FILE_CHARS + 4;
