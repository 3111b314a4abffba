/**
 * The ordered, de-duplicated list of strict decoding errors of one decode, as sigs.k8s.io/json
 * collects them (saveStrictError): at most 100, identical messages reported once.
 */
export class StrictErrors {
  readonly messages: string[] = [];
  readonly unknown: string[] = [];
  readonly duplicates: string[] = [];
  readonly #seen = new Set<string>();

  unknownField(path: string): void {
    if (this.#add(`unknown field ${goQuote(path)}`)) this.unknown.push(path);
  }

  duplicateField(path: string): void {
    if (this.#add(`duplicate field ${goQuote(path)}`)) this.duplicates.push(path);
  }

  /** A message that is not about one field (YAML duplicate keys). */
  other(message: string): void {
    this.#add(message);
  }

  #add(message: string): boolean {
    if (this.messages.length >= 100 || this.#seen.has(message)) return false;
    this.#seen.add(message);
    this.messages.push(message);
    return true;
  }
}

/** Go's `%q` for the field paths and keys that appear in these messages. */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}
