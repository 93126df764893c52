import { useCallback, useState } from 'react'

export interface Toast {
  id: number
  message: string
  tone: 'error' | 'info'
  retry?: () => void
}

let nextId = 1

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([])
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), [])
  const show = useCallback((t: Omit<Toast, 'id'>) => {
    const id = nextId++
    setToasts((list) => [...list.slice(-3), { ...t, id }])
    return id
  }, [])
  return { toasts, show, dismiss }
}
