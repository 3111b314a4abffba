import type { FieldError } from '../../errors/index.js';

/**
 * Drops repeated errors: upstream runs some checks twice on update (full validation plus the
 * update rules) and its error aggregate keeps one of each message.
 */
export function uniqueErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (seen.has(e.message)) return false;
    seen.add(e.message);
    return true;
  });
}
