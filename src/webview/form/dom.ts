// Building the form's DOM without HTML strings: every worksheet value reaches
// the page as text or as a property, so markup in a partner's name or a note
// stays inert.

export type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string | undefined | false | null;

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false || c === null) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A message with `code` spans, as the rules write them: text and <code> nodes, nothing parsed. */
export function withCode(message: string): Node[] {
  return message.split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : document.createTextNode(part)));
}

/** An id made from a field path, safe in attributes and selectors. */
export function domId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
