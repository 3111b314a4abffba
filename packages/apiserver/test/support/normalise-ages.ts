/** Replaces AGE-like cells (`5s`, `3m2s`, `<invalid>`) so table output compares exactly. */
export function normaliseAges(text: string): string {
  // The padding after an age depends on its width ("9s" vs "10s" a moment later), so it goes too.
  return text.replace(/\b(\d+(?:d|h|m|s|y))+\b/g, 'AGE').replace(/\bAGE {2,}/g, 'AGE  ');
}
