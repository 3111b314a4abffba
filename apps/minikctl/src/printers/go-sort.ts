/**
 * Go's `sort.Sort` (pattern-defeating quicksort) as the Go that builds kubectl 1.33 has it, which
 * kubectl's `--sort-by` and describe's events use. It is not stable: rows that compare equal come
 * out in an order of its own, and minikctl prints them in that order too. Sorts `items` in place
 * with `less`, as Go would with the same Less (an inconsistent Less included: kubectl's takes two
 * rows without the field each as less than the other). The Go releases that built kubectl 1.27–1.32
 * shuffled with other xorshift constants (13, 17, 5 where this has 13, 7, 17: checked against each
 * kubectl), so those order long runs of ties differently.
 */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): void {
  const n = items.length;
  if (n <= 1) return;
  new PatternDefeatingSort(items, less).sort(0, n, bitLength(n));
}

/** math/bits.Len for a non-negative int below 2^32. */
function bitLength(n: number): number {
  return 32 - Math.clz32(n);
}

type Hint = 'unknown' | 'increasing' | 'decreasing';

const maxInsertion = 12;
const shortestNinther = 50;
const maxSwaps = 4 * 3;
const maxPartialSteps = 5;
const shortestShifting = 50;

class PatternDefeatingSort<T> {
  readonly #items: T[];
  readonly #lessItems: (a: T, b: T) => boolean;
  #swaps = 0;

  constructor(items: T[], less: (a: T, b: T) => boolean) {
    this.#items = items;
    this.#lessItems = less;
  }

  #less(i: number, j: number): boolean {
    return this.#lessItems(this.#items[i]!, this.#items[j]!);
  }

  #swap(i: number, j: number): void {
    const items = this.#items;
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }

  sort(a: number, b: number, limit: number): void {
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= maxInsertion) {
        this.#insertionSort(a, b);
        return;
      }
      if (limit === 0) {
        this.#heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        this.#breakPatterns(a, b);
        limit--;
      }
      let { pivot, hint } = this.#choosePivot(a, b);
      if (hint === 'decreasing') {
        this.#reverseRange(a, b);
        pivot = b - 1 - (pivot - a);
        hint = 'increasing';
      }
      if (wasBalanced && wasPartitioned && hint === 'increasing' && this.#partialInsertionSort(a, b)) return;
      // The pivot equals the element before the range (the pivot of an earlier partition): put
      // the elements equal to it first and go on with the rest.
      if (a > 0 && !this.#less(a - 1, pivot)) {
        a = this.#partitionEqual(a, b, pivot);
        continue;
      }
      const { mid, alreadyPartitioned } = this.#partition(a, b, pivot);
      wasPartitioned = alreadyPartitioned;
      const leftLength = mid - a;
      const rightLength = b - mid;
      const balanceThreshold = Math.trunc(length / 8);
      if (leftLength < rightLength) {
        wasBalanced = leftLength >= balanceThreshold;
        this.sort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLength >= balanceThreshold;
        this.sort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

  #insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && this.#less(j, j - 1); j--) this.#swap(j, j - 1);
    }
  }

  #siftDown(lo: number, hi: number, first: number): void {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && this.#less(first + child, first + child + 1)) child++;
      if (!this.#less(first + root, first + child)) return;
      this.#swap(first + root, first + child);
      root = child;
    }
  }

  #heapSort(a: number, b: number): void {
    const first = a;
    const hi = b - a;
    for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) this.#siftDown(i, hi, first);
    for (let i = hi - 1; i >= 0; i--) {
      this.#swap(first, first + i);
      this.#siftDown(0, i, first);
    }
  }

  #partition(a: number, b: number, pivot: number): { mid: number; alreadyPartitioned: boolean } {
    this.#swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && this.#less(i, a)) i++;
    while (i <= j && !this.#less(j, a)) j--;
    if (i > j) {
      this.#swap(j, a);
      return { mid: j, alreadyPartitioned: true };
    }
    this.#swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && this.#less(i, a)) i++;
      while (i <= j && !this.#less(j, a)) j--;
      if (i > j) break;
      this.#swap(i, j);
      i++;
      j--;
    }
    this.#swap(j, a);
    return { mid: j, alreadyPartitioned: false };
  }

  #partitionEqual(a: number, b: number, pivot: number): number {
    this.#swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !this.#less(a, i)) i++;
      while (i <= j && this.#less(a, j)) j--;
      if (i > j) break;
      this.#swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  /** Sorts a nearly sorted range by shifting a few elements; false when it is not nearly sorted. */
  #partialInsertionSort(a: number, b: number): boolean {
    let i = a + 1;
    for (let step = 0; step < maxPartialSteps; step++) {
      while (i < b && !this.#less(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < shortestShifting) return false;
      this.#swap(i, i - 1);
      // Shift the smaller one left and the greater one right.
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.#less(j, j - 1)) break;
          this.#swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.#less(j, j - 1)) break;
          this.#swap(j, j - 1);
        }
      }
    }
    return false;
  }

  /** Swaps three elements about the middle with ones a xorshift picks (seeded by the length, as Go's). */
  #breakPatterns(a: number, b: number): void {
    const length = b - a;
    if (length < 8) return;
    let random = BigInt(length);
    const mask = (1n << 64n) - 1n;
    const modulus = 2 ** bitLength(length);
    // The three elements about the middle: a + length/4*2 - 1 and the two after it.
    const first = a + Math.trunc(length / 4) * 2 - 1;
    for (let i = 0; i < 3; i++) {
      random ^= (random << 13n) & mask;
      random ^= random >> 7n;
      random ^= (random << 17n) & mask;
      let other = Number(random & BigInt(modulus - 1));
      if (other >= length) other -= length;
      this.#swap(first + i, a + other);
    }
  }

  #choosePivot(a: number, b: number): { pivot: number; hint: Hint } {
    const l = b - a;
    this.#swaps = 0;
    let i = a + Math.trunc(l / 4) * 1;
    let j = a + Math.trunc(l / 4) * 2;
    let k = a + Math.trunc(l / 4) * 3;
    if (l >= 8) {
      if (l >= shortestNinther) {
        // Tukey's ninther: the median of three medians of adjacent elements.
        i = this.#median(i - 1, i, i + 1);
        j = this.#median(j - 1, j, j + 1);
        k = this.#median(k - 1, k, k + 1);
      }
      j = this.#median(i, j, k);
    }
    if (this.#swaps === 0) return { pivot: j, hint: 'increasing' };
    if (this.#swaps === maxSwaps) return { pivot: j, hint: 'decreasing' };
    return { pivot: j, hint: 'unknown' };
  }

  /** The index of the median of three (Go's median: three order2 steps), counting the pairs found out of order. */
  #median(a: number, b: number, c: number): number {
    let low = a;
    let mid = b;
    if (this.#less(mid, low)) {
      this.#swaps++;
      [low, mid] = [mid, low];
    }
    if (this.#less(c, mid)) {
      this.#swaps++;
      mid = c;
    }
    if (this.#less(mid, low)) {
      this.#swaps++;
      mid = low;
    }
    return mid;
  }

  #reverseRange(a: number, b: number): void {
    for (let i = a, j = b - 1; i < j; i++, j--) this.#swap(i, j);
  }
}
