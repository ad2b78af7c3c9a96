// The schema validators compiled by scripts/generate-validators.ts (validators.js).
import type { ValidateFunction } from 'ajv';

export declare const worksheet: ValidateFunction;
export declare const convening: ValidateFunction;
export declare const review: ValidateFunction;
export declare const config: ValidateFunction;
