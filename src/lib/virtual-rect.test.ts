import type { Virtualizer } from '@tanstack/react-virtual'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { observeRectAfterLayout } from './virtual-rect'

type Entry = { contentRect: { width: number; height: number } }

/** A ResizeObserver that reports when told to (as the browser does after a layout). */
class FakeObserver {
  static last: FakeObserver | null = null
  observed: Element[] = []
  disconnected = false
  constructor(private readonly cb: (entries: Entry[]) => void) {
    FakeObserver.last = this
  }
  observe(el: Element) {
    this.observed.push(el)
  }
  disconnect() {
    this.disconnected = true
  }
  report(width: number, height: number) {
    this.cb([{ contentRect: { width, height } }])
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('observeRectAfterLayout', () => {
  it('reports the size the observer gives after layout, and never reads layout itself', () => {
    vi.stubGlobal('ResizeObserver', FakeObserver)
    const element = document.createElement('div')
    const reads = vi.fn(() => 0)
    Object.defineProperty(element, 'clientHeight', { get: reads })
    Object.defineProperty(element, 'clientWidth', { get: reads })
    const instance = { scrollElement: element } as unknown as Virtualizer<HTMLDivElement, Element>
    const cb = vi.fn()

    const stop = observeRectAfterLayout(instance, cb)
    expect(cb).not.toHaveBeenCalled()
    expect(FakeObserver.last?.observed).toEqual([element])

    FakeObserver.last!.report(1183.6, 628.2)
    expect(cb).toHaveBeenCalledWith({ width: 1184, height: 628 })
    expect(reads).not.toHaveBeenCalled()

    stop?.()
    expect(FakeObserver.last?.disconnected).toBe(true)
  })

  it('does nothing without an element or a ResizeObserver (the initial size stays)', () => {
    const cb = vi.fn()
    const none = { scrollElement: null } as unknown as Virtualizer<HTMLDivElement, Element>
    expect(observeRectAfterLayout(none, cb)).toBeUndefined()
    vi.stubGlobal('ResizeObserver', undefined)
    const some = { scrollElement: document.createElement('div') } as unknown as Virtualizer<
      HTMLDivElement,
      Element
    >
    expect(observeRectAfterLayout(some, cb)).toBeUndefined()
    expect(cb).not.toHaveBeenCalled()
  })
})
