import { ApiError } from '../errors/index.js';

/** 503 as the API server's proxy answers a failed dial: `error trying to reach service: dial tcp …`. */
export function unreachable(ip: string, port: number, why: 'refused' | 'no-route'): ApiError {
  const cause = why === 'refused' ? 'connect: connection refused' : 'connect: no route to host';
  return new ApiError('ServiceUnavailable', `error trying to reach service: dial tcp ${ip}:${port}: ${cause}`);
}
