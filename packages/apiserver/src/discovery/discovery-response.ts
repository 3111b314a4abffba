/** A discovery answer: the HTTP layer sets `Content-Type` to `contentType` and JSON-serialises `body`. */
export interface DiscoveryResponse {
  contentType: string;
  body: unknown;
}

/** Content type of every legacy discovery document and of `/version`. */
export const jsonContentType = 'application/json';
