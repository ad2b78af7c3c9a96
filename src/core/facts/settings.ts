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

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

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
  return {
    themes,
    ...starter,
    offers,
    thresholds: {
      meetingMinutes: { min: num(mm.min, d.meetingMinutes.min), max: num(mm.max, d.meetingMinutes.max) },
      fillWithinDays: num(t.fill_within_days, d.fillWithinDays),
      shareWithinDays: num(t.share_within_days, d.shareWithinDays),
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
