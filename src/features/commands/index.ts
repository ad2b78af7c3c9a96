// "New Meeting Worksheet" and "New Convening": create a file from a skeleton,
// never over an existing one, through an undoable WorkspaceEdit.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { conveningText, roundForDate, worksheetPath, worksheetText } from '../../core/templates';
import { slugify } from '../../core/paths';
import { exists } from '../workspace/exists';
import { showNewWorksheet } from '../form/open';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partnerWorksheets.newWorksheet', (arg?: unknown) => newWorksheet(services, partnerIdArg(arg))),
    vscode.commands.registerCommand('partnerWorksheets.newConvening', () => newConvening(services)),
  );
}

/** The tree passes its node; other callers pass an id string. */
function partnerIdArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'partnerId' in arg && typeof (arg as { partnerId: unknown }).partnerId === 'string') return (arg as { partnerId: string }).partnerId;
  return undefined;
}

async function pickFolder(services: Services, near?: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (near) {
    const f = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(near));
    if (f) return f;
  }
  if (folders.length <= 1) {
    if (!folders[0]) void vscode.window.showWarningMessage('Open a folder first: worksheets live in a workspace folder (a git repository, ideally).');
    return folders[0];
  }
  services.log.debug('Several workspace folders: asking which one');
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder should hold the new file?' });
}

/** Creates `uri` with `content` unless something is there already; returns the URI used. */
async function createNew(base: (n: number) => vscode.Uri, content: string): Promise<vscode.Uri | undefined> {
  for (let n = 1; n < 100; n++) {
    const uri = base(n);
    if (await exists(uri)) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Could not create ${vscode.workspace.asRelativePath(uri)}. Nothing was changed.`);
      return undefined;
    }
    return uri;
  }
  void vscode.window.showErrorMessage('Could not find a free file name for the new file.');
  return undefined;
}


interface PartnerPick extends vscode.QuickPickItem { id?: string; organization?: string }

async function newWorksheet(services: Services, partnerId?: string): Promise<vscode.Uri | undefined> {
  const { index } = services;
  let id = partnerId;
  let organization = id ? index.partner(id)?.organization : undefined;
  if (!id) {
    const items: PartnerPick[] = [
      { label: '$(add) New partner…', alwaysShow: true },
      ...index.partners().map((p) => ({ label: p.organization, description: p.id, detail: `${p.meetings.length} meeting${p.meetings.length === 1 ? '' : 's'}`, id: p.id, organization: p.organization })),
    ];
    const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Who is the meeting with?', matchOnDescription: true });
    if (!pick) return undefined;
    if (pick.id) {
      id = pick.id;
      organization = pick.organization;
    } else {
      const name = await vscode.window.showInputBox({
        prompt: 'The partner organisation\'s name',
        placeHolder: 'Riverside Youth Collective',
        validateInput: (v) => (slugify(v) ? undefined : 'Type the organisation\'s name'),
      });
      if (!name) return undefined;
      organization = name.trim();
      id = slugify(organization);
    }
  }
  const existing = index.partner(id)?.meetings[0]?.uri;
  const folder = await pickFolder(services, existing);
  if (!folder) return undefined;
  const today = services.today();
  const config = index.configFor(folder.uri.toString() + '/');
  const rounds = index.rounds();
  const round = rounds.length && rounds[rounds.length - 1] === roundForDate(today) ? rounds[rounds.length - 1] : roundForDate(today);
  const owner = index.vocabulary().people[0];
  const content = worksheetText({ partnerId: id, organization: organization ?? id, date: today, round, owner, questions: [] });
  const uri = await createNew((n) => vscode.Uri.joinPath(folder.uri, worksheetPath(config.worksheetPath, id!, today, n)), content);
  if (uri) await showNewWorksheet(uri);
  return uri;
}

async function newConvening(services: Services): Promise<vscode.Uri | undefined> {
  const name = await vscode.window.showInputBox({ prompt: 'Name of the partnership being convened', placeHolder: 'Westside Arts Access Network', validateInput: (v) => (slugify(v) ? undefined : 'Type a name') });
  if (!name) return undefined;
  const convener = await vscode.window.showInputBox({ prompt: 'Your organisation (the convener)', placeHolder: 'City Museum' });
  if (convener === undefined) return undefined;
  const folder = await pickFolder(services);
  if (!folder) return undefined;
  const slug = slugify(name);
  const content = conveningText(name.trim(), convener.trim(), services.today());
  const uri = await createNew((n) => vscode.Uri.joinPath(folder.uri, 'convenings', `${slug}${n > 1 ? `-${n}` : ''}.convening.yaml`), content);
  if (uri) await vscode.window.showTextDocument(uri);
  return uri;
}
