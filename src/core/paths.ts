// URI helpers for the pure core. URIs are strings such as `file:///team/a.worksheet.yaml`
// or plain POSIX paths (the CLI uses those); both have their path after the last
// scheme/authority part, and we only ever look at the path's segments.

export function basename(uri: string): string {
  const path = stripQuery(uri);
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

/**
 * How the review and the history name a file: `folder/name`, its last two
 * segments. Found without splitting the URI: a round's gaps name thousands.
 */
export function fileLabel(uri: string): string {
  const last = uri.lastIndexOf('/');
  const before = last > 0 ? uri.lastIndexOf('/', last - 1) : -1;
  return uri.slice(before + 1);
}

export function dirname(uri: string): string {
  const path = stripQuery(uri);
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function joinUri(base: string, ...segments: string[]): string {
  let out = base.replace(/\/+$/, '');
  for (const seg of segments) {
    for (const part of seg.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out = dirname(out);
      else out = `${out}/${part}`;
    }
  }
  return out;
}

/** True when `uri` is `folder` itself or lies below it. */
export function isUnder(uri: string, folder: string): boolean {
  const f = folder.replace(/\/+$/, '');
  return uri === f || uri.startsWith(`${f}/`);
}

/**
 * The URI without a query or fragment. Only a `?` or `#` after the last `/`
 * counts: callers also pass decoded paths (`uri.path`, the CLI's folders), in
 * which a folder called `team #1` is just a name.
 */
function stripQuery(uri: string): string {
  const slash = uri.lastIndexOf('/');
  const q = uri.slice(slash + 1).search(/[?#]/);
  return q >= 0 ? uri.slice(0, slash + 1 + q) : uri;
}

/** Lower-case kebab-case slug, as partner ids are made from organisation names. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The path from folder `from` to `to`, with `/` separators, for links in an
 * exported page. Both are URIs (or paths) of the same scheme and authority;
 * segments are compared as written (percent-encoded in URIs).
 */
export function relativePath(from: string, to: string): string {
  const a = stripQuery(from).replace(/\/+$/, '').split('/');
  const b = stripQuery(to).split('/');
  let same = 0;
  while (same < a.length && same < b.length - 1 && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/');
}
