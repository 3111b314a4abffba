import { ApiError, badRequest } from '../errors/index.js';

/** What representation of objects a GET, LIST or WATCH asked for. */
export type Representation = 'object' | 'table' | 'partial-metadata';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

// Accept headers repeat across requests (kubectl sends the same few); parse each one once.
const parsedAccept = new Map<string, MediaRange[]>();

/** Parses an Accept header into its media ranges, in the client's order. */
export function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept) return [];
  let ranges = parsedAccept.get(accept);
  if (ranges) return ranges;
  ranges = accept.split(',').map((part) => {
    const [type = '', ...params] = part.split(';');
    const map: Record<string, string> = {};
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq > 0) map[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
    }
    return { type: type.trim().toLowerCase(), params: map };
  });
  if (parsedAccept.size < 256) parsedAccept.set(accept, ranges);
  return ranges;
}

const jsonLike = new Set(['application/json', '*/*', 'application/*', 'application/yaml', 'application/vnd.kubernetes.protobuf']);

/**
 * Picks the representation from the first media range we can serve, as upstream's negotiation
 * does: `as=Table` (meta.k8s.io v1/v1beta1) for kubectl's printers, PartialObjectMetadata for
 * metadata informers, the object itself otherwise. Protobuf is never answered; JSON is.
 */
export function negotiateRepresentation(accept: string | undefined, list: boolean): Representation {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return 'object';
  for (const range of ranges) {
    const as = range.params.as;
    if (as === undefined) {
      if (jsonLike.has(range.type)) return 'object';
      continue;
    }
    if (range.params.g !== 'meta.k8s.io' || (range.params.v !== 'v1' && range.params.v !== 'v1beta1')) continue;
    if (as === 'Table') return 'table';
    if (as === (list ? 'PartialObjectMetadataList' : 'PartialObjectMetadata')) return 'partial-metadata';
  }
  throw new ApiError('NotAcceptable', `only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
}

/** The `includeObject` query parameter of Table requests. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function parseIncludeObject(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  if (value === null || value === '' || value === 'Metadata') return 'Metadata';
  if (value === 'None' || value === 'Object') return value;
  throw badRequest(`includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`);
}
