/**
 * Sends a file to POST /uploads.json (octet-stream, as Redmine requires), with progress.
 * In a browser the body goes through XMLHttpRequest, the only API that reports upload progress;
 * elsewhere (or with an injected fetch) through fetch, with progress at 0 and at the end.
 */
import { errorFromResponse, type Http } from '../http'
import { TrackerError, type UploadProgress } from '../tracker'

/** The part of XMLHttpRequest the upload uses (so tests can hand in a fake). */
export interface XhrLike {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body: Blob): void
  abort(): void
  readonly status: number
  readonly responseText: string
  upload: { onprogress: ((e: { loaded: number; total: number }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
}

export type XhrFactory = () => XhrLike

/** Redmine names the attachment from `filename`; spaces become %20, not `+`. */
export function uploadPath(filename: string): string {
  return `/uploads.json?filename=${encodeURIComponent(filename)}`
}

export async function uploadBody(
  http: Http,
  filename: string,
  file: Blob,
  onProgress: ((p: UploadProgress) => void) | undefined,
  signal: AbortSignal | undefined,
  xhr?: XhrFactory,
): Promise<unknown> {
  const total = file.size
  onProgress?.({ loaded: 0, total })
  const body = xhr
    ? await sendWithXhr(http, xhr(), filename, file, onProgress, signal)
    : await http.request(uploadPath(filename), {
        method: 'POST',
        body: file,
        contentType: 'application/octet-stream',
        signal,
      })
  onProgress?.({ loaded: total, total })
  return body
}

function sendWithXhr(
  http: Http,
  req: XhrLike,
  filename: string,
  file: Blob,
  onProgress: ((p: UploadProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const onAbort = () => req.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    const done = () => signal?.removeEventListener('abort', onAbort)
    req.open('POST', http.url(uploadPath(filename)))
    for (const [k, v] of Object.entries(http.baseHeaders())) req.setRequestHeader(k, v)
    req.setRequestHeader('Content-Type', 'application/octet-stream')
    req.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: file.size })
    req.onload = () => {
      done()
      const ok = req.status >= 200 && req.status < 300
      if (!ok) {
        const res = new Response(req.responseText || null, { status: req.status })
        void errorFromResponse(res, http.trackerName).then(reject, reject)
        return
      }
      try {
        resolve(req.responseText ? (JSON.parse(req.responseText) as unknown) : undefined)
      } catch (cause) {
        reject(
          new TrackerError('server', 'The tracker sent a response that is not JSON.', { cause }),
        )
      }
    }
    req.onerror = () => {
      done()
      reject(
        new TrackerError(
          'network',
          `Cannot reach ${http.trackerName}. Check your connection and try again.`,
        ),
      )
    }
    req.onabort = () => {
      done()
      reject(signal?.reason ?? new DOMException('The upload was aborted.', 'AbortError'))
    }
    req.send(file)
  })
}
