// The YAML module: how the core reads worksheet files and points into them.
// Callers outside this folder import from here; files inside import each
// other directly, so the module has no import cycle of its own.
export type { ParsedFile } from './parse';
export { ParsedOnDemand, parseFile, parseFull, withLineEnds } from './parse';
export { AnswerPool, AnsweredView, recordAnswers } from './answered-view';
export type { PathSegment, PosMap, PosNode, PosPair, PosScalar, PosSeq, YamlPath } from './positions';
export { ZERO_RANGE, linesOf, offsetAt, sameRange, toRange } from './positions';
export { YamlView, flowScalar, yamlString } from './view';
export { quickRead, resolvePlain } from './quick-read';
export { foldLines, readData } from './light-tree';
export { MAX_ALIAS_COUNT, MAX_FILE_BYTES, MAX_FILE_CHARS } from './limits';
export { MAX_NESTING } from './nesting';
