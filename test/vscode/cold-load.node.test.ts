// The file system of a first load (no index snapshot yet), in a real
// extension host: each file costs its read alone, where a `stat` before each
// doubled the wait in a remote workbench. The guards must hold all the same:
// a FIFO, a link to /dev/zero or a file far too large is refused with its
// reason and nothing hangs; and a stamp for the next start's snapshot is kept
// only for a file that cannot have changed since it was read. A reopened
// workspace's stamps, taken all at once with Node, are the ones VS Code gives. Node extension
// host only: FIFOs, links and file times need Node. The files are made in a
// folder of their own outside the workspace, so the index never sees them.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { coldLoadFileSystem, loadFileSystem } from '../../src/features/workspace/vscode-fs';
import { localStamps } from '../../src/features/workspace/local-stamps';
import { MAX_FILE_BYTES } from '../../src/core/yaml';
import { gappyWorksheet, workspaceSettled } from './util';
import { WorkspaceIndex } from '../../src/core/workspace';
import { Indexer } from '../../src/features/workspace/indexer';

describe('the first load\'s file system, in the extension host', () => {
  let dir = '';
  const uri = (name: string) => vscode.Uri.file(join(dir, name));
  const worksheet = gappyWorksheet('zz-cold-load-partner', 'Cold Load Collective');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-cold-load-'));
    writeFileSync(uri('plain.worksheet.yaml').fsPath, worksheet);
    writeFileSync(uri('settled.worksheet.yaml').fsPath, worksheet);
    // Written an hour ago: settled long before any read.
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(uri('settled.worksheet.yaml').fsPath, hourAgo, hourAgo);
    writeFileSync(uri('changed.worksheet.yaml').fsPath, worksheet);
    utimesSync(uri('changed.worksheet.yaml').fsPath, hourAgo, hourAgo);
    symlinkSync('settled.worksheet.yaml', uri('linked.worksheet.yaml').fsPath);
    execFileSync('mkfifo', [uri('pipe.worksheet.yaml').fsPath]);
    symlinkSync('/dev/zero', uri('zero.worksheet.yaml').fsPath);
    // Past what any reader takes (16 times the most a worksheet's text can need).
    writeFileSync(uri('oversized.worksheet.yaml').fsPath, Buffer.alloc(16 * MAX_FILE_BYTES + 1, 0x61));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads listed regular files and links, refuses a FIFO, a link to /dev/zero and a file far too large with their reasons', async () => {
    const fs = coldLoadFileSystem();
    const text = async (name: string) => new TextDecoder().decode(await fs.readFile(uri(name).toString()));
    assert.equal(await text('plain.worksheet.yaml'), worksheet);
    assert.equal(await text('linked.worksheet.yaml'), worksheet);
    // Each refusal comes at once, before any read: the FIFO would wait for a writer for ever, /dev/zero never end.
    await assert.rejects(fs.readFile(uri('pipe.worksheet.yaml').toString()), /not a regular file/);
    await assert.rejects(fs.readFile(uri('zero.worksheet.yaml').toString()), /not a regular file/);
    await assert.rejects(fs.readFile(uri('oversized.worksheet.yaml').toString()), new RegExp(`${16 * MAX_FILE_BYTES + 1} bytes, far more than a worksheet file may have`));
  });

  it('stamps for the next start only files that cannot have changed since they were read', async () => {
    const fs = coldLoadFileSystem();
    for (const name of ['plain.worksheet.yaml', 'settled.worksheet.yaml', 'changed.worksheet.yaml']) await fs.readFile(uri(name).toString());
    // Changed after its read: a new size (its time is set back, as a checkout may set it).
    writeFileSync(uri('changed.worksheet.yaml').fsPath, `${worksheet}# edited\n`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(uri('changed.worksheet.yaml').fsPath, hourAgo, hourAgo);
    const stamps = await fs.stampsOfRead();
    const settled = await vscode.workspace.fs.stat(uri('settled.worksheet.yaml'));
    assert.deepEqual([...stamps], [[uri('settled.worksheet.yaml').toString(), `${settled.mtime}:${settled.size}`]]);
  });

  it('takes a reopened workspace\'s stamps all at once as VS Code would one by one, so a file stamped either way is not read again', async () => {
    // A modification time with a fraction of a millisecond over a half, as most file systems keep it: VS Code rounds it.
    utimesSync(uri('plain.worksheet.yaml').fsPath, 1_700_000_000.9876, 1_700_000_000.9876);
    const names = ['plain.worksheet.yaml', 'settled.worksheet.yaml', 'linked.worksheet.yaml', 'gone.worksheet.yaml'];
    const fs = loadFileSystem({ stamps: localStamps });
    const all = await fs.stamps!(names.map((n) => uri(n).toString()));
    const oneByOne = await Promise.all(names.map((n) => loadFileSystem().stamp!(uri(n).toString()).catch(() => undefined)));
    assert.deepEqual(all, oneByOne);
    assert.match(all[0] ?? '', /^1700000000988:\d+$/);
    assert.equal(all[3], undefined, 'a file that is not there has no stamp');
  });

  it('reopens the workspace with those stamps: a second session of the indexer reads no file again', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const snapshotUri = vscode.Uri.file(join(dir, 'storage', 'index-snapshot.json'));
    const log = vscode.window.createOutputChannel('Partner Worksheets (local stamps test)', { log: true });
    const session = async () => {
      const index = new WorkspaceIndex(() => '2026-11-24');
      // As the Node extension host's loader builds it: the first session stamps through VS Code, the second with Node.
      const indexer = new Indexer(index, log, snapshotUri, { stamps: localStamps });
      try {
        indexer.start();
        await indexer.whenIndexed();
        return { files: index.documents().length, reused: indexer.reusedAtLoad };
      } finally {
        indexer.dispose();
      }
    };
    await workspaceSettled();
    try {
      const first = await session();
      const second = await session();
      assert.ok(first.files > 0 && first.reused === 0, JSON.stringify(first));
      assert.deepEqual(second, { files: first.files, reused: first.files }, `every file of ${folder.fsPath} taken from the snapshot`);
    } finally {
      log.dispose();
    }
  });
});
