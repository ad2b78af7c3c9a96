// URI helpers of the core: the exported review's links depend on them, in the
// desktop and in the browser, where Node's path module is not there.
import assert from 'node:assert/strict';
import { basename, dirname, fileLabel, isUnder, joinUri, relativePath, slugify } from '../../src/core/paths';

describe('paths', () => {
  it('links an export to worksheets below, beside and above its folder', () => {
    const folder = 'file:///team/reviews';
    assert.equal(relativePath(folder, 'file:///team/reviews/autumn.review.yaml'), 'autumn.review.yaml');
    assert.equal(relativePath(folder, 'file:///team/riverside-youth/2026-10-14.worksheet.yaml'), '../riverside-youth/2026-10-14.worksheet.yaml');
    assert.equal(relativePath(`${folder}/`, 'file:///team/a/b/c.worksheet.yaml'), '../a/b/c.worksheet.yaml');
    assert.equal(relativePath('vscode-vfs://github/org/repo', 'vscode-vfs://github/org/repo/p/x.worksheet.yaml'), 'p/x.worksheet.yaml');
  });

  it('does not take a folder named like the file for a common folder', () => {
    assert.equal(relativePath('file:///team/a.worksheet.yaml', 'file:///team/a.worksheet.yaml'), '../a.worksheet.yaml');
  });

  it('keeps percent-encoded segments as they are', () => {
    assert.equal(relativePath('file:///My%20Team/out', 'file:///My%20Team/Caf%C3%A9/x.worksheet.yaml'), '../Caf%C3%A9/x.worksheet.yaml');
  });

  it('reads names, folders and containment from URIs and plain paths', () => {
    assert.equal(basename('file:///t/a.worksheet.yaml?x=1'), 'a.worksheet.yaml');
    assert.equal(dirname('/t/a.worksheet.yaml'), '/t');
    assert.equal(joinUri('file:///t/', 'a', '../b', 'c.yaml'), 'file:///t/b/c.yaml');
    assert.ok(isUnder('file:///t/a/b.yaml', 'file:///t/a/'));
    assert.ok(!isUnder('file:///t/ab/b.yaml', 'file:///t/a'));
    assert.equal(slugify('Café & Friends, Ltd.'), 'cafe-and-friends-ltd');
  });

  it('names a file by its folder and name, as the review and the history list gaps', () => {
    assert.equal(fileLabel('file:///team/riverside-youth/2026-10-14.worksheet.yaml'), 'riverside-youth/2026-10-14.worksheet.yaml');
    assert.equal(fileLabel('/team/a.worksheet.yaml'), 'team/a.worksheet.yaml');
    // What splitting on `/` and keeping the last two segments gives, whatever the shape.
    for (const uri of ['a.yaml', '/a.yaml', 'x/a.yaml', 'x//a.yaml', 'x/', '/', '', 'file:///a.yaml', 'vscode-vfs://github/o/r/p/a.yaml']) {
      assert.equal(fileLabel(uri), uri.split('/').slice(-2).join('/'), uri);
    }
  });
});
