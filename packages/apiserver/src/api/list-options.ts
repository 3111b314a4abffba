import { ApiError, badRequest, expired } from '../errors/index.js';

/** Position of a paged list: the snapshot revision and the last key returned. */
export interface ContinueToken {
  rv: number;
  start: string;
}

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start })).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { v?: unknown; rv?: unknown; start?: unknown };
    if (raw.v !== 'meta.k8s.io/v1' || typeof raw.rv !== 'number' || typeof raw.start !== 'string') throw new Error('bad token');
    return { rv: raw.rv, start: raw.start };
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

/** `limit` as a positive integer, or undefined for "no limit". */
export function parseLimit(query: URLSearchParams): number | undefined {
  const text = query.get('limit');
  if (text === null || text === '' || text === '0') return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit: Invalid value: "${text}": must be a non-negative integer`);
  return limit;
}

/**
 * Checks a list's `resourceVersion`/`resourceVersionMatch` against what an in-memory store can
 * serve: the current state. Upstream semantics: unset/"0" = any; NotOlderThan = at least that
 * revision; Exact = exactly that revision.
 */
export function checkListResourceVersion(query: URLSearchParams, current: number, oldest: number): void {
  const rvText = query.get('resourceVersion') ?? '';
  const match = query.get('resourceVersionMatch') ?? '';
  if (match !== '' && match !== 'NotOlderThan' && match !== 'Exact') {
    throw badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
  }
  if (rvText === '') {
    if (match !== '') throw badRequest(`resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided`);
    return;
  }
  const rv = parseResourceVersion(rvText);
  if (match === 'Exact' && rv === 0) throw badRequest(`resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"`);
  if (rv > current) {
    throw new ApiError('Timeout', `Too large resource version: ${rv}, current: ${current}`, { retryAfterSeconds: 1, causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }] as never });
  }
  if (match === 'Exact' && rv !== current) {
    if (rv < oldest) throw expired(rv, current);
    throw new ApiError('Expired', `The resourceVersion for the provided list is too old.`);
  }
}

/** A resourceVersion parameter as a revision number; 400 when it is not one. */
export function parseResourceVersion(text: string): number {
  const rv = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(rv)) throw badRequest(`invalid resource version: ${text}`);
  return rv;
}
