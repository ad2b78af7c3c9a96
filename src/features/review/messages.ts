// Messages between the review panel's page and the extension, shared by both
// sides so they cannot drift apart. Each side checks what it receives: the
// host because a page showing text from many hands must not be able to make
// it do anything unexpected, the page because a malformed message must not
// break it. No vscode import here: the page bundles this file.
import type { ReviewSummary } from '../../core/summary/model';
import type { ErrorMessage, ExportFormat } from '../panels/message-parts';
import { MAX_URI, boundedText, errorMessage, exportMessage, isRecord, openMessage } from '../panels/message-parts';

export type { ExportFormat };

/** Extension -> page. */
export type HostMessage =
  | { type: 'summary'; summary: ReviewSummary }
  | { type: 'busy'; busy: boolean }
  | ErrorMessage;

/** Page -> extension. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'open'; uri: string; line: number }
  | { type: 'selectRound'; round: string }
  | { type: 'startReview'; round: string }
  | { type: 'export'; format: ExportFormat }
  /** Mark the commitment at this index of a review file's `commitments` done. */
  | { type: 'commitmentDone'; uri: string; index: number };

/** What the page keeps across reloads (VS Code's webview state, read by the serializer). */
export interface PageState {
  round?: string;
}

const MAX_ROUND = 200;

/** The message as a PageMessage, or undefined when its type or payload is not one we accept. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      return openMessage(raw);
    case 'selectRound':
    case 'startReview': {
      const round = boundedText(raw.round, MAX_ROUND);
      return round ? { type: raw.type, round } : undefined;
    }
    case 'commitmentDone': {
      const uri = boundedText(raw.uri, MAX_URI);
      const index = raw.index;
      if (!uri || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 100_000) return undefined;
      return { type: 'commitmentDone', uri, index };
    }
    case 'export':
      return exportMessage(raw);
    default:
      return undefined;
  }
}

/** The message as a HostMessage, or undefined (the page ignores anything else). */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'summary': {
      const s = raw.summary;
      // The host built it from the same types; check the parts the page reads first.
      if (!isRecord(s) || typeof s.round !== 'string' || !Array.isArray(s.rounds) || !isRecord(s.coverage) || !Array.isArray(s.similarities)) return undefined;
      return { type: 'summary', summary: s as unknown as ReviewSummary };
    }
    case 'busy':
      return typeof raw.busy === 'boolean' ? { type: 'busy', busy: raw.busy } : undefined;
    case 'error':
      return errorMessage(raw);
    default:
      return undefined;
  }
}

/** The state VS Code hands the serializer, if it is ours. */
export function parsePageState(raw: unknown): PageState {
  if (!isRecord(raw)) return {};
  const round = boundedText(raw.round, MAX_ROUND);
  return round ? { round } : {};
}
