// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { applyMove, planMove } from '../../domain/apply-move'
import { sampleIssue, sampleIssues, status } from '../../domain/board-fixtures'
import { MoveCancelledError, MoveFailedError, MoveQueue } from './move-queue'

function deferred() {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('MoveQueue', () => {
  it('runs moves of different cards concurrently', async () => {
    const q = new MoveQueue()
    const started: number[] = []
    const d7 = deferred()
    const d8 = deferred()
    const a = planMove(sampleIssue(7), { status: status('In Progress') })!
    const b = planMove(sampleIssue(8), { status: status('Feedback') })!
    const pa = q.enqueue(a, () => (started.push(7), d7.promise))
    const pb = q.enqueue(b, () => (started.push(8), d8.promise))
    await Promise.resolve()
    await Promise.resolve()
    expect(started).toEqual([7, 8])
    d8.resolve()
    d7.resolve()
    await Promise.all([pa, pb])
  })

  it('runs moves of one card in order', async () => {
    const q = new MoveQueue()
    const order: string[] = []
    const d1 = deferred()
    const a = planMove(sampleIssue(7), { status: status('In Progress') })!
    const s1 = applyMove(sampleIssues(), a)
    const b = planMove(
      s1.find((i) => i.id === 7)!,
      { status: status('Resolved') },
    )!
    const pa = q.enqueue(a, async () => {
      order.push('a start')
      await d1.promise
      order.push('a end')
    })
    const pb = q.enqueue(b, async () => {
      order.push('b')
    })
    await new Promise((r) => setTimeout(r, 5))
    expect(order).toEqual(['a start'])
    expect(q.pendingCount(7)).toBe(2)
    d1.resolve()
    await Promise.all([pa, pb])
    expect(order).toEqual(['a start', 'a end', 'b'])
    expect(q.pendingCount(7)).toBe(0)
  })

  it('cancels later moves of a card when one fails and rolls all of them back at once', async () => {
    const q = new MoveQueue()
    const issues = sampleIssues()
    const a = planMove(sampleIssue(7), { status: status('In Progress') })!
    const s1 = applyMove(issues, a)
    const b = planMove(
      s1.find((i) => i.id === 7)!,
      { status: status('Resolved') },
    )!
    const s2 = applyMove(s1, b)
    let bRan = false
    const pa = q.enqueue(a, () => Promise.reject(new Error('boom')))
    const pb = q.enqueue(b, async () => {
      bRan = true
    })
    const ea = await pa.catch((e: unknown) => e)
    const eb = await pb.catch((e: unknown) => e)
    expect(ea).toBeInstanceOf(MoveFailedError)
    expect(eb).toBeInstanceOf(MoveCancelledError)
    expect(bRan).toBe(false)
    const restored = applyMove(s2, (ea as MoveFailedError).rollback)
    expect(restored).toEqual(issues)
  })
})
