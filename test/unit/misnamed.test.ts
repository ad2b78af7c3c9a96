// A file that says `kind: worksheet` but is not named *.worksheet.yaml is
// left out of everything: what the CLI note and the editor's warning say
// about it, and the name they offer.
import assert from 'node:assert/strict';
import { misnamed } from '../../src/core/misnamed';

const WORKSHEET = 'kind: worksheet\nversion: 1\nstatus: held\n';

describe('files not named for their kind', () => {
  it('names the kind and the name to give a worksheet saved under a date', () => {
    assert.deepEqual(misnamed('/team/riverside/2026-11-10.yaml', WORKSHEET), { kind: 'worksheet', pattern: '*.worksheet.yaml', suggested: '2026-11-10.worksheet.yaml' });
  });

  it('mends the endings people write instead of the kind\'s own', () => {
    const cases: [string, string][] = [
      ['riverside-worksheet.yaml', 'riverside.worksheet.yaml'],
      ['riverside_worksheet.yml', 'riverside.worksheet.yaml'],
      ['riverside.worksheets.yaml', 'riverside.worksheet.yaml'],
      ['Riverside Worksheet.YAML', 'Riverside.worksheet.yaml'],
      ['worksheet.yaml', 'worksheet.worksheet.yaml'],
    ];
    for (const [name, suggested] of cases) assert.equal(misnamed(`/team/${name}`, WORKSHEET)?.suggested, suggested, name);
  });

  it('offers the settings file name for team settings under another name', () => {
    assert.deepEqual(misnamed('/team/settings.yml', 'kind: config\nthemes: []\n'), { kind: 'config', pattern: 'partner-worksheets.yaml', suggested: 'partner-worksheets.yaml' });
  });

  it('reads the kind written quoted, with a comment, after a byte-order mark or with CR LF', () => {
    for (const text of ['kind: "convening"\n', "kind: 'review'  # the spring round\n", '\uFEFFkind: worksheet\n', 'version: 1\r\nkind: worksheet\r\n']) {
      assert.ok(misnamed('/team/notes.yaml', text), JSON.stringify(text));
    }
  });

  it('leaves alone files named for their kind, other YAML, and a kind that is not at the top level', () => {
    assert.equal(misnamed('/team/riverside/2026-11-10.worksheet.yaml', WORKSHEET), undefined);
    assert.equal(misnamed('/team/partner-worksheets.yaml', 'kind: config\n'), undefined);
    // Named as a review, it is read as one, and its schema says what is wrong.
    assert.equal(misnamed('/team/spring.review.yaml', WORKSHEET), undefined);
    assert.equal(misnamed('/team/.github/workflows/check.yml', 'name: check\non: push\n'), undefined);
    assert.equal(misnamed('/team/k8s/pod.yaml', 'kind: Pod\napiVersion: v1\n'), undefined);
    assert.equal(misnamed('/team/notes.yaml', 'items:\n  kind: worksheet\n'), undefined);
    assert.equal(misnamed('/team/notes.txt', WORKSHEET), undefined);
  });

  it('looks only at the start of a file, as the CLI reads only that of files it does not check', () => {
    assert.equal(misnamed('/team/big.yaml', `${'# padding\n'.repeat(500)}${WORKSHEET}`), undefined);
  });
});
