/**
 * The sets of completion indexes an Indexed Job writes to `status.completedIndexes`: sorted,
 * with runs of three or more written as intervals (`1,3-5,7`), as upstream's orderedIntervals.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/job/indexed_job_utils.go
 */

/** Parses `1,3-5,7` into the indexes below `completions` (malformed parts are skipped). */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    for (let i = first; i <= last && i < completions; i++) out.add(i);
  }
  return out;
}

/** Writes indexes as upstream does: `0-2` for a run, `0,1` for a pair. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j === i) parts.push(String(sorted[i]));
    else if (j === i + 1) parts.push(`${sorted[i]},${sorted[j]}`);
    else parts.push(`${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
