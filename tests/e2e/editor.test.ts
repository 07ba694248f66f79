import type { TestServer } from '@dongbi/server/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocument, startAppServer } from './appServer.ts'
import { collectPageErrors, launchBrowser, openEditor, screenshot, signedIn } from './browser.ts'

let server: TestServer
let browser: Browser
let context: BrowserContext
let token: string
let page: Page
let errors: string[]

beforeAll(async () => {
  server = await startAppServer()
  browser = await launchBrowser()
  ;({ context, token } = await signedIn(browser, server, { name: '张敏', username: 'zhangmin' }))
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

async function freshEditor(title: string): Promise<string> {
  const id = await createDocument(server, title, token)
  page = await context.newPage()
  errors = collectPageErrors(page)
  await openEditor(page, server.url, id)
  await page.click('.ProseMirror')
  return id
}

function paste(html: string, text = ''): Promise<void> {
  return page.evaluate(
    ([html, text]) => {
      const data = new DataTransfer()
      data.setData('text/html', html!)
      data.setData('text/plain', text!)
      const view = document.querySelector('dongbi-editor')!.editor!.view
      view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    [html, text],
  )
}

async function json(): Promise<unknown> {
  return page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.getJSON())
}

async function whenSaved(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('dongbi-editor')?.sync.status === 'saved')
}

describe('the editor', () => {
  it('formats with the toolbar, and the server renders the same text and HTML as the editor', async () => {
    const id = await freshEditor('格式与服务端转换')
    await page.selectOption('dongbi-toolbar >> select', '1')
    await page.click('dongbi-toolbar >> [data-command="align-center"]')
    await page.keyboard.type('关于开展学习教育月活动的通知')
    await page.keyboard.press('Enter')
    await page.selectOption('dongbi-toolbar >> select', 'paragraph')
    await page.keyboard.type('各支部：')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('重点')
    await page.keyboard.press('Control+b')
    await page.keyboard.press('Control+i')
    await page.keyboard.type('<斜体&>')
    await page.keyboard.press('Control+i')
    await page.keyboard.press('Enter')
    await page.click('dongbi-toolbar >> [data-command="orderedList"]')
    await page.keyboard.type('第一项')
    await page.keyboard.press('Enter')
    await page.keyboard.type('第二项')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.click('dongbi-toolbar >> [data-command="blockquote"]')
    await page.keyboard.type('引文')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.click('dongbi-toolbar >> [data-command="horizontalRule"]')
    await page.click('dongbi-toolbar >> [data-command="align-right"]')
    await page.keyboard.type('机关党委')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type('2026年11月29日')
    await whenSaved()

    const shown = await page.evaluate(() => {
      const editor = document.querySelector('dongbi-editor')!.editor!
      return { html: editor.getHTML(), text: editor.getText() }
    })
    expect(shown.html).toContain('<h1 style="text-align: center;">')
    expect(shown.html).toContain('<ol>')
    expect(shown.html).toContain('<hr>')
    for (const format of ['html', 'text'] as const) {
      const response = await server.api(`/api/documents/${id}/content?format=${format}`, { token })
      const body = (await response.json()) as { content: string }
      expect(body.content, format).toBe(shown[format])
    }
    await screenshot(page, 'editor-formatted')
    expect(errors).toEqual([])
  })

  it('cleans a paste from Word to the schema, lists included', async () => {
    await freshEditor('粘贴 Word')
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoTitle align=center style='text-align:center'><b><span style='font-family:方正小标宋简体;mso-bidi-font-family:"Times New Roman"'>学习心得<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>通过学习，我深刻认识到<span lang=EN-US>2026</span>年的任务。<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:21.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span>提高站位<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:21.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span>狠抓落实<o:p></o:p></span></p>
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<!--EndFragment--></body></html>`
    await paste(word, '学习心得')
    const doc = JSON.stringify(await json())
    expect(doc).not.toMatch(/mso|o:p|Ignore|MsoNormal|仿宋/)
    const html = await page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.getHTML())
    expect(html).toContain('<p style="text-align: center;"><strong>学习心得</strong></p>')
    expect(html).toContain('通过学习，我深刻认识到2026年的任务。')
    expect(html).toMatch(/<ol><li><p>提高站位<\/p><\/li><li><p>狠抓落实<\/p><\/li><\/ol>/)
    expect(html).not.toContain('1.')
  })

  it('cleans a paste from a web page: no scripts, styles or unknown markup', async () => {
    await freshEditor('粘贴网页')
    await paste(
      `<meta charset="utf-8"><div style="color:red;font-size:30px"><h2 style="margin:0">二级标题</h2><p>正文<a href="https://example.org">链接</a><span style="font-weight:700">加粗</span></p><script>alert(1)</script><img src=x onerror="window.pwned=1"><table><tr><td>单元格</td></tr></table></div>`,
    )
    const html = await page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.getHTML())
    expect(html).toContain('<h2>二级标题</h2>')
    expect(html).toContain('<strong>加粗</strong>')
    expect(html).toContain('单元格')
    expect(html).not.toMatch(/script|img|onerror|color|<a /)
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
  })

  it('is read-only when asked, and says so', async () => {
    await freshEditor('只读')
    await page.keyboard.type('原文')
    await page.evaluate(() => {
      document.querySelector('dongbi-editor')!.readOnly = true
    })
    await page.waitForFunction(() => document.querySelector('.ProseMirror')?.getAttribute('contenteditable') === 'false')
    await page.keyboard.type('新加')
    expect(await page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.getText())).toBe('原文')
    expect(await page.locator('dongbi-toolbar >> [data-command="bold"]').isDisabled()).toBe(true)
  })
})
