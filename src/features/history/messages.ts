// Messages between the Partner History page and the extension, shared by both
// sides so they cannot drift apart. Each side checks what it receives: the
// host because a page showing text from many hands must not be able to make
// it do anything unexpected, the page because a malformed message must not
// break it. No vscode import here: the page bundles this file.
import type { PartnerHistory } from '../../core/history/model';
import type { ErrorMessage, ExportFormat } from '../panels/message-parts';
import { boundedText, errorMessage, exportMessage, isRecord, openMessage } from '../panels/message-parts';

export type { ExportFormat };

/** Extension -> page. */
export type HostMessage =
  | { type: 'history'; history: PartnerHistory }
  | ErrorMessage;

/** Page -> extension. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'open'; uri: string; line: number }
  /** Share what we heard in the partner's latest held meeting. */
  | { type: 'share' }
  | { type: 'export'; format: ExportFormat };

/** What the page keeps across reloads (VS Code's webview state, read by the serializer). */
export interface PageState {
  partnerId?: string;
}

const MAX_ID = 200;

/** The message as a PageMessage, or undefined when its type or payload is not one we accept. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'share':
      return { type: raw.type };
    case 'open':
      return openMessage(raw);
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
    case 'history': {
      const h = raw.history;
      // The host built it from the same types; check the parts the page reads first.
      if (!isRecord(h) || !isRecord(h.partner) || typeof h.partner.id !== 'string' || !Array.isArray(h.meetings) || !Array.isArray(h.notes)) return undefined;
      return { type: 'history', history: h as unknown as PartnerHistory };
    }
    case 'error':
      return errorMessage(raw);
    default:
      return undefined;
  }
}

/** The state VS Code hands the serializer, if it is ours. */
export function parsePageState(raw: unknown): PageState {
  if (!isRecord(raw)) return {};
  const partnerId = boundedText(raw.partnerId, MAX_ID);
  return partnerId ? { partnerId } : {};
}
