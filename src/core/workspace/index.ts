// The workspace index: every file of the workspace by URI, the facts it
// reads from each, and the queries the features ask of them. Callers outside
// this folder import from here.
export type { CheckDocumentOptions, IndexChange, Listener, LoadOptions, LoadResult, Partner } from './workspace-index';
export { NO_FIXES, WorkspaceIndex } from './workspace-index';
export type { IndexOptions } from './workspace-index';
export { CheckSchedule } from './check-schedule';
export type { CheckScheduleOptions } from './check-schedule';
export type { IndexedDocument, Meeting } from './indexed-document';
export type { Positions } from './positions';
export type { IndexSnapshot, SnapshotEntry } from './snapshot';
export { decodeSnapshot, encodeSnapshot } from './snapshot';
export type { Vocabulary } from './vocabulary';
export { IdentitySoFar, organizationKey } from './identity';
