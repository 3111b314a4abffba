/** The aggregated discovery versions minik serves: `v2` (kubectl 1.30+) and `v2beta1` (1.27–1.29). */
export type AggregatedDiscoveryVersion = 'v2' | 'v2beta1';

const discoveryGroup = 'apidiscovery.k8s.io';
const discoveryKind = 'APIGroupDiscoveryList';

/**
 * The exact response content type of an aggregated document. kubectl recognises aggregated discovery
 * only by these parameters: the same body sent as plain `application/json` is read as legacy
 * discovery and yields no resources.
 */
export function aggregatedDiscoveryContentType(version: AggregatedDiscoveryVersion): string {
  return `application/json;g=${discoveryGroup};v=${version};as=${discoveryKind}`;
}

// kubectl sends a handful of distinct Accept headers per version, so a small memo makes
// negotiation a map lookup; it is cleared rather than grown when a client sends many variants.
const memo = new Map<string, AggregatedDiscoveryVersion | undefined>();
const memoLimit = 64;

/**
 * Picks the aggregated discovery version for an Accept header, or `undefined` for legacy JSON.
 * Like upstream, the first acceptable entry in the header wins (kubectl 1.30+ lists v2 before
 * v2beta1; 1.27–1.29 list only v2beta1 and break on a v2 answer). Wildcard ranges never select
 * aggregated discovery: a client must ask for it by name.
 */
export function negotiateAggregatedDiscovery(accept: string | undefined): AggregatedDiscoveryVersion | undefined {
  // Fast path for the common `application/json, */*` of every non-discovery request.
  if (accept === undefined || !accept.includes(discoveryGroup)) return undefined;
  if (memo.has(accept)) return memo.get(accept);
  const version = parseAccept(accept);
  if (memo.size >= memoLimit) memo.clear();
  memo.set(accept, version);
  return version;
}

function parseAccept(accept: string): AggregatedDiscoveryVersion | undefined {
  for (const range of accept.split(',')) {
    const [type = '', ...rawParams] = range.split(';');
    if (type.trim().toLowerCase() !== 'application/json') continue;
    const params = new Map<string, string>();
    for (const raw of rawParams) {
      const eq = raw.indexOf('=');
      if (eq < 0) continue;
      // Go's mime.ParseMediaType lowercases parameter names but keeps values as sent.
      params.set(raw.slice(0, eq).trim().toLowerCase(), unquote(raw.slice(eq + 1).trim()));
    }
    if (params.get('g') !== discoveryGroup || params.get('as') !== discoveryKind) continue;
    // `q=0` means "not acceptable" (RFC 9110 §12.4.2).
    const q = params.get('q');
    if (q !== undefined && Number(q) === 0) continue;
    const version = params.get('v');
    if (version === 'v2' || version === 'v2beta1') return version;
  }
  return undefined;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
