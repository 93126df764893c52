/**
 * Tracker text (Textile, Markdown, HTML) to safe HTML. Everything passes through DOMPurify before it
 * can reach the DOM: scripts, event handlers, javascript: URLs, iframes and forms are removed.
 */
import DOMPurify from 'dompurify'
import { marked } from 'marked'
import textile from 'textile-js'
import type { TextFormat } from '../domain/model'

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function toHtml(source: string, format: TextFormat): string {
  switch (format) {
    case 'markdown':
      return marked.parse(source, { async: false, gfm: true, breaks: true })
    case 'textile':
      return textile.parse(source, { breaks: true })
    case 'html':
      return source
    case 'plain':
      return `<p>${escapeHtml(source).replace(/\n/g, '<br>')}</p>`
  }
}

export function renderTrackerText(source: string, format: TextFormat): string {
  if (!source.trim()) return ''
  const html = toHtml(source, format)
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
    ],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#|[^:]*$)/i,
  })
}
