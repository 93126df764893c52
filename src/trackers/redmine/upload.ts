/** Sends a file to POST /uploads.json (octet-stream, as Redmine requires), with progress. */
import type { Http } from '../http'
import type { UploadProgress } from '../tracker'

export async function uploadBody(
  http: Http,
  query: URLSearchParams,
  file: Blob,
  onProgress: ((p: UploadProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const total = file.size
  onProgress?.({ loaded: 0, total })
  const body = await http.request('/uploads.json', {
    method: 'POST',
    query,
    body: file,
    contentType: 'application/octet-stream',
    signal,
  })
  onProgress?.({ loaded: total, total })
  return body
}
