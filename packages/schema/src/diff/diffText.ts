/** One run of a diff: text both sides share, text only the new side has, or text only the old side had. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export interface DiffOptions {
  /**
   * How many edits deep one bisection searches (default 1,000: exact for up to about 2,000
   * changed characters). Past it that stretch is answered as "delete all, insert all":
   * still correct, not minimal, and two unrelated 5,000-character texts take ~10 ms, not ~300.
   */
  maxCost?: number
}

/**
 * A character-level diff: Myers' O(ND) algorithm in linear space (divide at the middle
 * snake), after trimming the common prefix and suffix at every level. Characters are code
 * points, never words: Chinese has no spaces to split on, and a surrogate pair (e.g. a
 * CJK Extension B character) is never cut in half.
 *
 * @example
 * diffText('我们要学习', '我们要认真学习')
 * // [{ op: 'equal', text: '我们要' }, { op: 'insert', text: '认真' }, { op: 'equal', text: '学习' }]
 */
export function diffText(a: string, b: string, { maxCost = 1000 }: DiffOptions = {}): DiffOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : []
  const left = Array.from(a)
  const right = Array.from(b)
  const codes = new Map<string, number>()
  const code = (c: string) => {
    let n = codes.get(c)
    if (n === undefined) codes.set(c, (n = codes.size))
    return n
  }
  const x = Int32Array.from(left, code)
  const y = Int32Array.from(right, code)
  const ops: DiffOp[] = []
  const push = (op: DiffOp['op'], chars: string[], from: number, to: number) => {
    if (from >= to) return
    const text = chars.slice(from, to).join('')
    const last = ops[ops.length - 1]
    if (last?.op === op) last.text += text
    else ops.push({ op, text })
  }

  // Appends the diff of x[xs, xe) → y[ys, ye) to `ops`.
  const diff = (xs: number, xe: number, ys: number, ye: number): void => {
    let prefix = 0
    while (xs + prefix < xe && ys + prefix < ye && x[xs + prefix] === y[ys + prefix]) prefix++
    push('equal', left, xs, xs + prefix)
    xs += prefix
    ys += prefix
    let suffix = 0
    while (xe - suffix > xs && ye - suffix > ys && x[xe - suffix - 1] === y[ye - suffix - 1]) suffix++
    xe -= suffix
    ye -= suffix
    if (xs === xe) push('insert', right, ys, ye)
    else if (ys === ye) push('delete', left, xs, xe)
    else {
      const snake = middleSnake(x, xs, xe, y, ys, ye, maxCost)
      // A split at a corner would not shrink the problem; never expected, but never loop.
      const corner = snake && ((snake.x === xs && snake.y === ys) || (snake.x === xe && snake.y === ye))
      if (!snake || corner) {
        push('delete', left, xs, xe)
        push('insert', right, ys, ye)
      } else {
        diff(xs, snake!.x, ys, snake!.y)
        diff(snake!.x, xe, snake!.y, ye)
      }
    }
    push('equal', left, xe, xe + suffix)
  }
  diff(0, x.length, 0, y.length)
  return ops
}

/**
 * Where an optimal path through the edit graph of x[xs, xe) → y[ys, ye) crosses its middle
 * (both ranges non-empty, no common prefix or suffix), or null when the edit distance
 * exceeds `maxCost`. A port of diff-match-patch's `diff_bisect` to index ranges: forward and
 * backward searches advance one edit at a time until they overlap; diagonals that run off
 * the graph are skipped (`k1start`… trims).
 */
function middleSnake(x: Int32Array, xs: number, xe: number, y: Int32Array, ys: number, ye: number, maxCost: number): { x: number; y: number } | null {
  const n = xe - xs
  const m = ye - ys
  const maxD = Math.ceil((n + m) / 2)
  const offset = maxD
  const length = 2 * maxD
  const v1 = new Int32Array(length).fill(-1)
  const v2 = new Int32Array(length).fill(-1)
  v1[offset + 1] = 0
  v2[offset + 1] = 0
  const delta = n - m
  // With an odd delta the forward path meets the backward one; else the other way round.
  const front = delta % 2 !== 0
  let k1start = 0
  let k1end = 0
  let k2start = 0
  let k2end = 0
  for (let d = 0; d < Math.min(maxD, maxCost); d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = offset + k1
      let x1 = k1 === -d || (k1 !== d && v1[k1Offset - 1]! < v1[k1Offset + 1]!) ? v1[k1Offset + 1]! : v1[k1Offset - 1]! + 1
      let y1 = x1 - k1
      while (x1 < n && y1 < m && x[xs + x1] === y[ys + y1]) x1++, y1++
      v1[k1Offset] = x1
      if (x1 > n) k1end += 2
      else if (y1 > m) k1start += 2
      else if (front) {
        const k2Offset = offset + delta - k1
        if (k2Offset >= 0 && k2Offset < length && v2[k2Offset] !== -1 && x1 >= n - v2[k2Offset]!) return { x: xs + x1, y: ys + y1 }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = offset + k2
      let x2 = k2 === -d || (k2 !== d && v2[k2Offset - 1]! < v2[k2Offset + 1]!) ? v2[k2Offset + 1]! : v2[k2Offset - 1]! + 1
      let y2 = x2 - k2
      while (x2 < n && y2 < m && x[xe - x2 - 1] === y[ye - y2 - 1]) x2++, y2++
      v2[k2Offset] = x2
      if (x2 > n) k2end += 2
      else if (y2 > m) k2start += 2
      else if (!front) {
        const k1Offset = offset + delta - k2
        if (k1Offset >= 0 && k1Offset < length && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset]!
          const y1 = offset + x1 - k1Offset
          if (x1 >= n - x2) return { x: xs + x1, y: ys + y1 }
        }
      }
    }
  }
  return null
}
