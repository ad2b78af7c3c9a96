// Team settings from `partner-worksheets.yaml`: the theme vocabulary, the team's
// offers, thresholds and per-rule severities. A settings file with errors falls
// back to the defaults for whatever it got wrong, so checking never stops.
import type { SeveritySetting } from '../types';

export interface Theme {
  id: string;
  label: string;
  synonyms: string[];
}

export interface Offer {
  text: string;
  themes: string[];
}

export interface Thresholds {
  meetingMinutes: { min: number; max: number };
  fillWithinDays: number;
  shareWithinDays: number;
}

/**
 * How the team's themes relate to the starter vocabulary shipped with the
 * extension: `extend` agrees the starter's themes alongside the team's own;
 * `replace` (the default) agrees only the team's, and the starter only groups
 * suggestions.
 */
export type StarterThemes = 'extend' | 'replace';

export interface TeamConfig {
  themes: Theme[];
  /** Absent unless the team set `starter_themes`. */
  starterThemes?: StarterThemes;
  offers: Offer[];
  thresholds: Thresholds;
  rules: Record<string, SeveritySetting>;
  /** Where new worksheets go, relative to the workspace root. */
  worksheetPath: string;
  /** Old partner id -> the id it is now, so history written under an old id joins the partner. */
  aliases: Record<string, string>;
}

export const DEFAULT_WORKSHEET_PATH = '{partner}/{date}.worksheet.yaml';

export const DEFAULT_CONFIG: TeamConfig = Object.freeze({
  themes: [],
  offers: [],
  thresholds: { meetingMinutes: { min: 30, max: 60 }, fillWithinDays: 3, shareWithinDays: 7 },
  rules: {},
  worksheetPath: DEFAULT_WORKSHEET_PATH,
  aliases: Object.freeze({}) as Record<string, string>,
});

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A whole number within the bounds the settings schema gives (which reports
 * anything else), else the default: no rule ever sees `fill_within_days: 1e20`.
 */
function whole(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

/** Days and minutes the schema allows (config.schema.json). */
export const THRESHOLD_BOUNDS = { days: [0, 365], minutes: [1, 600] } as const;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Read whatever is usable from a parsed settings document. */
export function readConfig(data: unknown): TeamConfig {
  if (!isRecord(data)) return DEFAULT_CONFIG;
  const d = DEFAULT_CONFIG.thresholds;
  const t = isRecord(data.thresholds) ? data.thresholds : {};
  const mm = isRecord(t.meeting_minutes) ? t.meeting_minutes : {};
  const themes: Theme[] = [];
  if (Array.isArray(data.themes)) {
    for (const th of data.themes) {
      if (isRecord(th) && typeof th.id === 'string') {
        themes.push({ id: th.id, label: typeof th.label === 'string' ? th.label : th.id, synonyms: strings(th.synonyms) });
      }
    }
  }
  const offers: Offer[] = [];
  if (Array.isArray(data.offers)) {
    for (const o of data.offers) {
      if (isRecord(o) && typeof o.text === 'string') offers.push({ text: o.text, themes: strings(o.themes) });
    }
  }
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(data.rules)) {
    for (const [code, sev] of Object.entries(data.rules)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[code] = sev as SeveritySetting;
    }
  }
  // A null-prototype map: an alias named `__proto__` or `constructor` is just an id.
  const aliases: Record<string, string> = Object.create(null) as Record<string, string>;
  if (isRecord(data.aliases)) {
    for (const [from, to] of Object.entries(data.aliases)) {
      if (typeof to === 'string' && to.trim() && from.trim() && from.trim() !== to.trim()) aliases[from.trim()] = to.trim();
    }
  }
  const starter = data.starter_themes === 'extend' || data.starter_themes === 'replace' ? { starterThemes: data.starter_themes as StarterThemes } : {};
  const [dMin, dMax] = THRESHOLD_BOUNDS.days;
  const [mMin, mMax] = THRESHOLD_BOUNDS.minutes;
  let minutes = { min: whole(mm.min, d.meetingMinutes.min, mMin, mMax), max: whole(mm.max, d.meetingMinutes.max, mMin, mMax) };
  // A range that is empty (min above max) flags every meeting: the defaults hold instead (the schema check says so).
  if (minutes.min > minutes.max) minutes = { ...d.meetingMinutes };
  return {
    themes,
    ...starter,
    offers,
    thresholds: {
      meetingMinutes: minutes,
      fillWithinDays: whole(t.fill_within_days, d.fillWithinDays, dMin, dMax),
      shareWithinDays: whole(t.share_within_days, d.shareWithinDays, dMin, dMax),
    },
    rules,
    worksheetPath: typeof data.worksheet_path === 'string' && data.worksheet_path.trim() ? data.worksheet_path : DEFAULT_WORKSHEET_PATH,
    aliases,
  };
}

export interface SettingsFacts {
  kind: 'config';
  config: TeamConfig;
}

export function readSettings(data: unknown): SettingsFacts {
  return { kind: 'config', config: readConfig(data) };
}
