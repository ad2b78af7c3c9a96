import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText } from '../../src/core/check';
import { WorkspaceIndex } from '../../src/core/workspace';
import { complete } from '../../src/core/language/completion';
import { hover } from '../../src/core/language/hover';
import { CONVENING, REVIEW, WORKSHEET } from './helpers';

const URIS = ['/t/a.worksheet.yaml', '/t/b.convening.yaml', '/t/c.review.yaml', '/t/partner-worksheets.yaml'];
const vocab = { partners: [], people: [], themes: [], rounds: [] };

/** Strings that look like our YAML: pieces of real files, cut and spliced. */
const yamlish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.tuple(fc.constantFrom(WORKSHEET, CONVENING, REVIEW), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }))
    .map(([t, a, b, ins]) => {
      const i = a % t.length;
      const j = Math.min(t.length, i + (b % 80));
      return t.slice(0, i) + ins + t.slice(j);
    }),
);

describe('robustness', () => {
  it('no input text makes checking, completion or hover throw', () => {
    fc.assert(fc.property(yamlish, fc.constantFrom(...URIS), fc.nat(), (text, uri, pos) => {
      const result = checkText(uri, text, { today: '2026-11-24' });
      for (const f of result.findings) {
        assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0);
        assert.ok(!f.message.includes('Internal error'), f.message);
      }
      const kind = uri.endsWith('worksheet.yaml') ? 'worksheet' : uri.endsWith('convening.yaml') ? 'convening' : 'review';
      complete(text, pos % (text.length + 1), { kind, vocabulary: vocab });
      hover(text, pos % (text.length + 1), { kind, vocabulary: vocab });
    }), { numRuns: 400 });
  });

  it('an index updated one edit at a time equals one built fresh', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...URIS.slice(0, 3), '/t/d.worksheet.yaml'), yamlish, fc.boolean()), { maxLength: 12 }), (ops) => {
      const live = new WorkspaceIndex(() => '2026-11-24');
      const final = new Map<string, string>();
      for (const [uri, text, del] of ops) {
        if (del) { live.delete(uri); final.delete(uri); } else { live.set(uri, text); final.set(uri, text); }
        // Read findings between edits, so stale caches would show.
        for (const u of final.keys()) live.check(u);
      }
      const fresh = new WorkspaceIndex(() => '2026-11-24');
      for (const [u, t] of final) fresh.set(u, t);
      for (const u of final.keys()) assert.deepEqual(live.check(u), fresh.check(u));
      assert.deepEqual(live.partnerIds(), fresh.partnerIds());
      assert.deepEqual(live.rounds(), fresh.rounds());
    }), { numRuns: 150 });
  });

  it('an alias bomb gives a finding, while a file with hundreds of aliases parses', () => {
    const bomb = ['kind: worksheet', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]'].join('\n');
    const started = Date.now();
    const findings = checkText('/t/bomb.worksheet.yaml', bomb, { today: '2026-11-24' }).findings;
    assert.ok(findings.some((f) => f.code === 'yaml-syntax' && /alias/i.test(f.message)), JSON.stringify(findings));
    assert.ok(Date.now() - started < 5000);
    const people = Array.from({ length: 300 }, (_, i) => `  - {text: note ${i}, themes: *t}`).join('\n');
    const many = `${WORKSHEET.replace('notes:\n', 'x-themes: &t [space]\nnotes:\n')}`.replace('  compelling: [Their alumni now run the programme]', `  compelling:\n${people}`);
    const f2 = checkText('/t/many.worksheet.yaml', many, { today: '2026-10-20' }).findings;
    assert.ok(!f2.some((f) => f.code === 'yaml-syntax'), JSON.stringify(f2.slice(0, 3)));
  });

  it('a file over the size limit gets one clear finding', () => {
    const big = `kind: worksheet\nnotes:\n  values:\n${'    - x\n'.repeat(200_000)}`;
    const findings = checkText('/t/big.worksheet.yaml', big, { today: '2026-11-24' }).findings;
    assert.deepEqual(findings.map((f) => f.code), ['file-too-large']);
  });
});
