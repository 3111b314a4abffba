/** Replaces AGE-like cells (`5s`, `3m2s`, `<invalid>`) so table output compares exactly. */
export function normaliseAges(text: string): string {
  // The padding after an age depends on its width ("9s" vs "10s" a moment later), so it goes too.
  // Only whole words count: a UID such as 5882a6d1-528d-… holds age-like runs between hyphens.
  return text.replace(/(?<=^|[\s(])(\d+[dhmsy])+(?=$|[\s),])/gm, 'AGE').replace(/\bAGE {2,}/g, 'AGE  ');
}
