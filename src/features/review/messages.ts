// Messages between the review panel's page and the extension. Shared by both
// sides; the host validates everything it receives, since page content comes
// from worksheets written by many hands.
import type { ReviewSummary } from '../../core/summary/summarize';

export type HostMessage =
  | { type: 'summary'; summary: ReviewSummary }
  | { type: 'busy'; busy: boolean };

export type PageMessage =
  | { type: 'ready' }
  | { type: 'open'; uri: string; line: number }
  | { type: 'selectRound'; round: string }
  | { type: 'startReview'; round: string }
  | { type: 'export'; format: 'markdown' | 'html' };

/** What the page keeps across reloads (VS Code's webview state). */
export interface PageState {
  round?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The message as a PageMessage, or undefined when its type or payload is not one we accept. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  const str = (v: unknown, max = 4096) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open': {
      const uri = str(raw.uri);
      const line = raw.line;
      if (!uri || typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > 10_000_000) return undefined;
      return { type: 'open', uri, line };
    }
    case 'selectRound':
    case 'startReview': {
      const round = str(raw.round, 200);
      return round ? { type: raw.type, round } : undefined;
    }
    case 'export':
      return raw.format === 'markdown' || raw.format === 'html' ? { type: 'export', format: raw.format } : undefined;
    default:
      return undefined;
  }
}
