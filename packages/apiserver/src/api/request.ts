/**
 * The transport-neutral request and response of the API core. Adapters (express, msw) turn their
 * native requests into an ApiRequest and write an ApiResponse back; the core never sees HTTP objects.
 */
export interface ApiRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
  /** The raw body; undefined when there was none. */
  body: Uint8Array | undefined;
  /** Aborted when the client goes away (ends watch streams). */
  signal: AbortSignal;
}

/** Where a streaming response writes. */
export interface StreamSink {
  /** Writes one chunk; the adapter flushes it at once. */
  write(chunk: string): void;
  /** Ends the response. */
  end(): void;
}

/** A response with a body known in full. */
export interface CompleteResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** A response whose body is produced over time (watch, log follow); `open` returns a closer. */
export interface StreamingResponse {
  status: number;
  headers: Record<string, string>;
  stream: (sink: StreamSink) => () => void;
}

export type ApiResponse = CompleteResponse | StreamingResponse;

/** A JSON response from an already serialised document. */
export function jsonText(status: number, text: string, contentType = 'application/json'): CompleteResponse {
  return { status, headers: { 'content-type': contentType }, body: text };
}

/** A JSON response from a value. */
export function jsonBody(status: number, value: unknown, contentType = 'application/json'): CompleteResponse {
  return jsonText(status, JSON.stringify(value), contentType);
}
