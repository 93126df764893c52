import { describe, expect, it } from 'vitest'
import { renderTrackerText } from './render-text'

describe('renderTrackerText', () => {
  it('renders Textile and Markdown', () => {
    expect(renderTrackerText('h2. Steps\n\n*bold* text', 'textile')).toMatch(
      /<h2>Steps<\/h2>[\s\S]*<strong>bold<\/strong>/,
    )
    expect(renderTrackerText('## Steps\n\n**bold** and `code`', 'markdown')).toMatch(
      /<h2>Steps<\/h2>[\s\S]*<strong>bold<\/strong>[\s\S]*<code>code<\/code>/,
    )
  })

  it.each(['textile', 'markdown', 'html'] as const)(
    'strips script, handlers and javascript: URLs from %s',
    (format) => {
      const evil =
        '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>' +
        '<iframe src="http://evil"></iframe><p style="position:fixed" onclick="alert(4)">hi</p>'
      const html = renderTrackerText(evil, format)
      expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|position:fixed/i)
    },
  )

  it('strips javascript: links written in Textile and Markdown syntax', () => {
    expect(renderTrackerText('"click":javascript:alert(1)', 'textile')).not.toContain('javascript:')
    expect(renderTrackerText('[click](javascript:alert(1))', 'markdown')).not.toContain(
      'javascript:',
    )
  })

  it('escapes plain text', () => {
    expect(renderTrackerText('<b>not bold</b>\nline', 'plain')).toBe(
      '<p>&lt;b&gt;not bold&lt;/b&gt;<br>line</p>',
    )
  })
})
