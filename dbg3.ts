import { WorkspaceIndex } from './src/core/workspace';
import { WORKSHEET, variant } from './test/unit/helpers';
type D = { id?: string; organization?: string; round?: string; date?: string };
const ws = (s: D) => variant(WORKSHEET, s.id === undefined ? [['partner', 'id']] : [['partner', 'id'], s.id], s.organization === undefined ? [['partner', 'organization']] : [['partner', 'organization'], s.organization], s.round === undefined ? [['round']] : [['round'], s.round], s.date === undefined ? [['meeting', 'date']] : [['meeting', 'date'], s.date]);
const mk = (sheets: D[]) => { const index = new WorkspaceIndex(() => '2026-11-01'); index.set('/team/partner-worksheets.yaml', `kind: config\naliases: ${JSON.stringify({ 'oak-library': 'oak' })}\n`); sheets.forEach((s, i) => index.set(`/team/w${i}.worksheet.yaml`, ws(s))); return index; };
const sheets: D[] = [{ organization: 'Oak Library' }, { id: 'oak-library', organization: 'Elm Hall', round: 'autum-2026', date: '2026-10-02' }];
const index = mk(sheets);
const uris = index.documents().map((d) => d.uri);
for (const u of uris) index.check(u);
const edited: D = { id: 'oak', organization: 'Elm Hall', round: 'autum-2026', date: '2026-10-02' };
const change = index.set('/team/w1.worksheet.yaml', ws(edited));
console.log('affected', change.affected);
const fresh = mk([sheets[0], edited]);
const codes = (fs: { code: string; message: string }[]) => fs.filter((f) => ['partner-renamed', 'duplicate-partner', 'missing-round', 'round-lookalike'].includes(f.code) || true).map((f) => `${f.code}: ${f.message.slice(0, 120)}`);
for (const u of uris) { const a = codes(index.check(u)), b = codes(fresh.check(u)); if (JSON.stringify(a) !== JSON.stringify(b)) { console.log('DIFF', u); console.log(' kept ', a.filter((x) => !b.includes(x))); console.log(' fresh', b.filter((x) => !a.includes(x))); } }
