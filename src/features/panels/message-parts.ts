// The checks every webview page's messages go through (the review's, the
// history's, the form's), on both sides. No vscode import: the pages bundle
// this file too.

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The longest URI a page may name. */
export const MAX_URI = 4096;

/** A non-empty string of at most `max` characters, else undefined. */
export function boundedText(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
}

export type ExportFormat = 'markdown' | 'html';

/** What a page shows in place of its content when the host could not work it out. */
export interface ErrorMessage {
  type: 'error';
  message: string;
}

/** The host's `error` message, or undefined when it holds no text. */
export function errorMessage(raw: Record<string, unknown>): ErrorMessage | undefined {
  return typeof raw.message === 'string' ? { type: 'error', message: raw.message } : undefined;
}

/** A page's `open` message: a file and a 1-based line, or undefined when either is not one. */
export function openMessage(raw: Record<string, unknown>): { type: 'open'; uri: string; line: number } | undefined {
  const uri = boundedText(raw.uri, MAX_URI);
  const line = raw.line;
  if (!uri || typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > 10_000_000) return undefined;
  return { type: 'open', uri, line };
}

/** A page's `export` message, or undefined for a format the panels do not write. */
export function exportMessage(raw: Record<string, unknown>): { type: 'export'; format: ExportFormat } | undefined {
  return raw.format === 'markdown' || raw.format === 'html' ? { type: 'export', format: raw.format } : undefined;
}
