/** kubectl proxy's default filters: local Host headers only, no exec/attach. */
export const defaultAcceptHosts = '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$';
export const defaultAcceptPaths = '^.*';
export const defaultRejectPaths = '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach';
export const defaultRejectMethods = '^$';

/** A comma-separated list of regular expressions (kubectl's MakeRegexpArray). */
export function regexpList(spec: string): RegExp[] {
  if (spec === '') return [];
  return spec.split(',').map((part) => new RegExp(part));
}

/** The request filter of kubectl proxy (FilterServer). */
export interface RequestFilter {
  acceptPaths: RegExp[];
  rejectPaths: RegExp[];
  acceptHosts: RegExp[];
  rejectMethods: RegExp[];
}

const matches = (text: string, list: readonly RegExp[]): boolean => list.some((re) => re.test(text));

/**
 * kubectl proxy's extractHost: net.SplitHostPort of the Host header (`localhost:8001` →
 * `localhost`, `[::1]:8001` → `::1`), or the whole header when it has no port.
 */
export function hostOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) {
    const end = hostHeader.indexOf(']');
    if (end < 0 || hostHeader[end + 1] !== ':' || hostHeader.length === end + 2) return hostHeader;
    return hostHeader.slice(1, end);
  }
  const colon = hostHeader.lastIndexOf(':');
  if (colon < 0 || hostHeader.indexOf(':') !== colon) return hostHeader;
  return hostHeader.slice(0, colon);
}

/** FilterServer.accept: rejected paths and methods first, then accepted paths and hosts. */
export function accepts(filter: RequestFilter, method: string, path: string, host: string): boolean {
  if (matches(path, filter.rejectPaths)) return false;
  if (matches(method, filter.rejectMethods)) return false;
  return matches(path, filter.acceptPaths) && matches(host, filter.acceptHosts);
}
