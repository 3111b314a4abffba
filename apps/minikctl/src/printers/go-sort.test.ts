import { describe, expect, it } from 'vitest';
import { goSort } from './go-sort.js';

interface Item {
  index: number;
  key: number | undefined;
}

/**
 * Items 0…n-1 keyed by index % groups (some without a key), in the order the server lists pods
 * named p00, p01, …, p99, p100, … (by name).
 */
function items(n: number, groups: number, withoutKey: (i: number) => boolean): Item[] {
  const name = (index: number): string => `p${String(index).padStart(2, '0')}`;
  const indexes = Array.from({ length: n }, (_, index) => index).sort((a, b) => (name(a) < name(b) ? -1 : 1));
  return indexes.map((index) => ({ index, key: withoutKey(index) ? undefined : index % groups }));
}

// kubectl's Less: an element without the field sorts first.
const less = (a: Item, b: Item): boolean => (a.key === undefined ? true : b.key === undefined ? false : a.key < b.key);

const order = (list: Item[]): string => list.map((x) => String(x.index).padStart(2, '0')).join(' ');

describe('goSort', () => {
  // Recorded from kubectl 1.33: pods named p00… labelled g=index%groups, listed with
  // `kubectl get pods --sort-by=.metadata.labels.g` (label-less pods first).
  it('orders equal elements as Go 1.24 sort.Sort does (kubectl 1.33)', () => {
    const eighty = items(80, 3, (i) => i === 5);
    goSort(eighty, less);
    expect(order(eighty)).toBe(
      '05 54 36 03 72 78 06 69 66 09 63 60 15 75 57 12 51 48 18 45 42 21 00 39 24 30 33 27 40 70 28 31 79 01 34 76 25 37 73 04 22 55 07 43 67 19 46 64 10 49 61 16 52 58 13 53 56 14 29 59 11 50 62 17 47 65 08 44 68 20 41 71 23 38 74 02 35 77 26 32',
    );
    const twoHundred = items(200, 7, (i) => i % 11 === 5);
    goSort(twoHundred, less);
    expect(order(twoHundred)).toBe('181 170 159 82 38 115 104 126 148 93 137 60 192 05 71 49 16 27 63 140 35 28 133 21 112 196 00 56 189 175 105 42 182 70 168 161 77 07 154 84 91 147 119 14 98 50 78 99 134 190 01 176 92 113 85 197 141 120 183 08 22 169 29 127 36 15 162 64 43 106 57 155 156 51 58 44 100 107 37 65 163 149 30 128 23 121 09 72 142 198 79 86 114 191 02 177 135 184 101 24 136 94 03 87 185 80 129 143 73 10 178 66 150 59 52 157 45 108 171 199 122 164 17 31 74 53 95 130 11 18 165 88 32 179 04 109 81 186 172 39 25 144 116 123 67 151 46 193 102 158 187 75 194 103 54 131 96 26 117 47 110 61 138 152 173 166 12 124 68 89 19 33 145 40 180 146 48 41 188 160 20 111 06 83 34 13 139 76 69 195 90 174 62 132 153 125 167 97 118 55');
  });

  it('sorts, and keeps equal elements of short lists in order (insertion sort up to 12)', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const n of [0, 1, 2, 12, 13, 49, 50, 51, 300, 2000]) {
      const list = Array.from({ length: n }, (_, index) => ({ index, key: Math.floor(random() * (n / 3 + 1)) }));
      goSort(list, (a, b) => a.key < b.key);
      for (let i = 1; i < n; i++) expect(list[i - 1]!.key).toBeLessThanOrEqual(list[i]!.key);
      if (n <= 12) for (let i = 1; i < n; i++) if (list[i - 1]!.key === list[i]!.key) expect(list[i - 1]!.index).toBeLessThan(list[i]!.index);
    }
    const descending = Array.from({ length: 100 }, (_, index) => ({ index, key: 100 - index }));
    goSort(descending, (a, b) => a.key < b.key);
    expect(descending.map((x) => x.key)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
