// Core findings -> vscode.Diagnostic. The diagnostic's code links to the rule's
// documentation, so people can read why a gap matters in the method.
import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../../core/types';

export const SOURCE = 'partner-worksheets';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toDiagnostic(f: Finding, docsUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  d.code = { value: f.code, target: docsUri.with({ fragment: f.code }) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)),
      r.message,
    ));
  }
  return d;
}

/** The diagnostic's rule code, whether it is a plain string or a linked code. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

// A VS Code range is a core one as far as sameRange reads it.
export { sameRange } from '../../core/yaml';
