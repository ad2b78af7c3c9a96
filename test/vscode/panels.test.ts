// What the Team Review and Partner History panels share (panels/live-panel.ts),
// on a panel of its own in a real workbench: when what a page shows cannot be
// worked out, the user sees a message on the page and the log says why, and
// nothing is thrown into VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LivePanel } from '../../src/features/panels/live-panel';
import type { Services } from '../../src/services';
import { waitFor } from './util';

type Shown = { type: 'shown' } | { type: 'error'; message: string };

class TestPanel extends LivePanel<{ type: 'ready' }, Shown> {
  readonly posted: Shown[] = [];
  broken = true;

  constructor(panel: vscode.WebviewPanel, services: Services) {
    super(panel, services, { name: 'test view', parse: () => undefined });
  }

  protected render(): void {
    if (this.broken) throw new Error('a round no rule foresaw');
    void this.post({ type: 'shown' });
  }

  protected handle(): void {}

  protected forget(): void {}

  protected post(message: Shown): Thenable<boolean> {
    this.posted.push(message);
    return Promise.resolve(true);
  }
}

describe('Live panels', () => {
  it('show the page an error and log why when what they show cannot be worked out, and throw nothing', async () => {
    const errors: string[] = [];
    const log = { error: (line: string) => errors.push(line), warn: () => undefined, info: () => undefined };
    const services = { log, indexer: { onDidChange: () => ({ dispose: () => undefined }) } } as unknown as Services;
    const panel = new TestPanel(vscode.window.createWebviewPanel('partnerWorksheets.test', 'Test', vscode.ViewColumn.Active, {}), services);
    try {
      // Shown first: a panel disposed while the workbench still opens it leaves an error in the workbench's log.
      const isTestTab = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('partnerWorksheets.test');
      await waitFor(() => vscode.window.tabGroups.all.some((g) => g.tabs.some(isTestTab)), { message: 'the test panel\'s tab' });
      assert.doesNotThrow(() => panel.update());
      assert.deepEqual(panel.posted, [{ type: 'error', message: 'The test view could not be computed; the Partner Worksheets log has the details.' }]);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /^The test view could not be computed: Error: a round no rule foresaw/);
      // Mended, the next update shows the content again.
      panel.broken = false;
      panel.update();
      assert.deepEqual(panel.posted.at(-1), { type: 'shown' });
    } finally {
      panel.dispose();
    }
  });
});
