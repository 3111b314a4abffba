export { RequestLog } from './request-log.js';
export type { RequestLogOptions, RequestRecord } from './request-log.js';
export { withRequestLog } from './with-request-log.js';
