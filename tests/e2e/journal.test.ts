import type { JournalEntryDto } from '@dongbi/schema'
import { addDays, countCharacters, localDate, shiftMonths } from '@dongbi/schema'
import { writeBody } from '@dongbi/server/testing'
import { describe, expect, it } from 'vitest'
import { outputDir, screenshot, selectText } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

/** The browser and this process share the machine's time zone, so this is the page's today too. */
const today = localDate()

async function writeEntry(token: string, date: string, options: { tags?: string[]; prompt?: string; title?: string; text: string[] }): Promise<string> {
  const response = await app.server.api('/api/journal/entries', { method: 'POST', token, body: { date, tags: options.tags ?? [], ...(options.prompt ? { prompt: options.prompt } : {}), ...(options.title ? { title: options.title } : {}) } })
  expect(response.status).toBe(201)
  const entry = (await response.json()) as JournalEntryDto
  await writeBody(app.server.collabUrl, entry.id, token, ...options.text)
  return entry.id
}

describe('the reflection journal in Chromium', () => {
  it("writes today's entry from the prompt, shows it on the calendar with its 字数, and shares it with a mentor who comments", async () => {
    const writer = await app.open('陈静', 'chenjing')
    const mentor = await app.open('王建国', 'wangjianguo')
    const secretary = await app.open('张书记', 'zhangshuji')
    const { store } = app.server
    const branch = await app.server.api('/api/branches', { method: 'POST', body: { name: '第一党支部' } })
    const branchId = ((await branch.json()) as { id: string }).id
    await store.branches.setRole(branchId, writer.userId, 'member')
    await store.branches.setRole(branchId, mentor.userId, 'mentor')
    await store.branches.setRole(branchId, secretary.userId, 'secretary')
    const topics = [
      { title: '学习《条例》', questions: ['条例中哪一条对你的工作触动最大？为什么？'] },
      { title: '联系岗位实际', questions: ['今天学到的内容，怎样用到手头的工作中？'] },
      { title: '对照检视', questions: ['对照要求，你在工作中还有哪些差距？'] },
    ]
    const month = today.slice(0, 7)
    const put = await app.server.api(`/api/branches/${branchId}/study-topics?month=${month}`, { method: 'PUT', token: secretary.token, body: { topics } })
    expect(put.status).toBe(200)
    const expectedTopic = topics[(Number(today.slice(8)) - 1) % topics.length]!

    // An empty journal: today's prompt from the branch's topics, and an empty state.
    const page = writer.page
    await page.goto(`${app.server.url}/journal`)
    await page.waitForSelector('.journal-empty')
    expect(await page.textContent('.journal-empty')).toContain('还没有日志，从今天的题目开始吧')
    expect(await page.textContent('.prompt-topic')).toBe(expectedTopic.title)
    expect(await page.textContent('.prompt-question')).toBe(expectedTopic.questions[0])
    expect(await page.textContent('.prompt-source')).toContain('第一党支部')
    await page.waitForSelector(`.day[data-date="${today}"].today`)
    await screenshot(page, 'journal-empty')

    // 写今天的日志 opens a new entry in the editor, with its date and prompt above the paper.
    await page.click('button.write-today')
    await page.waitForURL(/\/d\/[\w-]+$/)
    const entryId = page.url().split('/d/')[1]!
    await page.waitForSelector('dongbi-editor .ProseMirror')
    await page.waitForSelector('.journal-bar .journal-prompt')
    expect(await page.textContent('.journal-bar .journal-prompt')).toContain(expectedTopic.questions[0])
    expect(await page.inputValue('.journal-bar input[type=date]')).toBe(today)
    const text = '今天重新学习了《条例》第八条，对照自己起草通知的习惯，发现标题常常写得过长，以后要做到简明扼要。'
    await page.click('.ProseMirror')
    await page.keyboard.type(text)
    const characters = countCharacters(text).total
    await expect
      .poll(async () => ((await (await app.server.api(`/api/documents/${entryId}/content?format=text`, { token: writer.token })).json()) as { characters: number }).characters)
      .toBe(characters)

    // A tag added in the strip is saved on the entry.
    await page.fill('.journal-bar dongbi-tag-input input', '公文写作')
    await page.press('.journal-bar dongbi-tag-input input', 'Enter')
    await page.waitForSelector('.journal-bar .tag-chip >> text=#公文写作')
    await expect.poll(async () => ((await (await app.server.api(`/api/journal/entries/${entryId}`, { token: writer.token })).json()) as JournalEntryDto).tags).toContain('公文写作')

    // 分享给导师: the branch's mentor, at 可评论, in one click.
    await page.click('button.share-mentor-button')
    await page.waitForSelector(`.mentor-list li[data-mentor="${mentor.userId}"]`)
    await page.click(`.mentor-list li[data-mentor="${mentor.userId}"] button.share-to-mentor`)
    await page.waitForSelector('.mentor-list .chip.access-comment')
    await screenshot(page, 'journal-editor-share')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.mentor-menu', { state: 'detached' })

    // Some earlier entries: yesterday and the day before (a streak), a month and a year ago.
    const earlier = [
      { date: addDays(today, -1), tags: ['理论学习'], title: '读《条例》的几点体会', text: ['《条例》对公文种类的规定很清楚，通知、通报、报告各有用途，不能混用。'] },
      { date: addDays(today, -2), tags: ['理论学习', '公文写作'], title: '请示与报告的区别', text: ['请示应当一文一事，报告中不得夹带请示事项。这一点过去常被忽视。'] },
      { date: shiftMonths(today, -1), tags: ['心得'], title: '第一次参加支部读书会', text: ['读书会上大家轮流发言，我讲了对调查研究的理解，导师提醒我要多举实例。'] },
      { date: shiftMonths(today, -12), tags: ['心得'], title: '去年今日：学习计划', text: ['给自己定了一个学习计划：每周读一篇范文，写一篇短评。'] },
    ]
    for (const entry of earlier) await writeEntry(writer.token, entry.date, entry)

    // Back in the journal: today's entry is on the calendar with its 字数; the streak is 3 days.
    await page.click('a.back')
    await page.waitForURL(/\/journal$/)
    await page.waitForSelector(`.day[data-date="${today}"].written`)
    const dayLabel = await page.getAttribute(`.day[data-date="${today}"]`, 'aria-label')
    expect(dayLabel).toContain(`${characters} 字`)
    expect(await page.textContent('.streak-number')).toBe('3')
    const entryCard = page.locator(`.journal-entry[data-id="${entryId}"]`)
    expect(await entryCard.locator('.entry-characters').textContent()).toBe(`${characters} 字`)
    expect(await entryCard.locator('.entry-excerpt').textContent()).toContain('今天重新学习了《条例》第八条')
    expect(await entryCard.textContent()).toContain('已分享')
    // A month and a year ago come back.
    await page.waitForSelector('.resurface-card.ago-month')
    expect(await page.textContent('.resurface-card.ago-month')).toContain('第一次参加支部读书会')
    expect(await page.textContent('.resurface-card.ago-year')).toContain('去年今日：学习计划')
    await screenshot(page, 'journal-with-entries')

    // Filtering by tag lists only the tagged entries, across months.
    await page.click('.tag-filter .tag-pill >> text=#公文写作')
    await expect.poll(() => page.locator('.journal-entry').count()).toBe(2)
    await page.click('.tag-filter .tag-pill >> text=全部')
    // Clicking a day lists that day.
    await page.click(`.day[data-date="${addDays(today, -2)}"]`)
    await expect.poll(() => page.locator('.journal-entry .entry-title').allTextContents()).toEqual(['请示与报告的区别'])

    // The entry is not among 我的文档.
    await page.goto(app.server.url)
    await page.waitForSelector('.empty')

    // The mentor finds it shared with them, reads it and comments; they cannot edit it.
    const mentorPage = mentor.page
    await mentorPage.goto(`${app.server.url}/shared`)
    await mentorPage.waitForSelector('.doc-row')
    // Their inbox says so.
    await mentorPage.click('button.bell')
    await mentorPage.waitForSelector('.inbox-sentence')
    expect(await mentorPage.textContent('.inbox-sentence')).toBe('陈静 把学习日志《11月29日学习日志》分享给你，请你评论'.replace('11月29日', `${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`))
    await mentorPage.click('button.bell')
    await mentorPage.click(`.doc-row[data-id="${entryId}"] a.doc-title`)
    await mentorPage.waitForSelector('dongbi-editor .ProseMirror')
    await mentorPage.waitForFunction((t) => document.querySelector('dongbi-editor')!.editor!.getText() === t, text)
    await mentorPage.waitForSelector('.journal-bar .journal-date')
    expect(await mentorPage.isVisible('.share-mentor-button')).toBe(false)
    expect(await mentorPage.textContent('.chip.access-comment')).toBe('可评论')
    await selectText(mentorPage, '简明扼要')
    await mentorPage.click('button.comment-button')
    await mentorPage.fill('.composer textarea', '体会很具体。可以再举一个你改过的标题作例子。')
    await mentorPage.click('.composer button[type=submit]')
    await mentorPage.waitForSelector('.thread .comment-body')
    await screenshot(mentorPage, 'journal-mentor-comment')

    // The writer sees the comment on their entry.
    await page.goto(`${app.server.url}/d/${entryId}`)
    await page.waitForSelector('.thread .comment-body')
    expect(await page.textContent('.thread .comment-body')).toContain('可以再举一个你改过的标题作例子')

    // Another member never sees the entry.
    const other = await app.open('李明', 'liming')
    await other.page.goto(`${app.server.url}/d/${entryId}`)
    await other.page.waitForSelector('.editor-failure')
    await other.page.goto(`${app.server.url}/journal`)
    await other.page.waitForSelector('.journal-empty')
    // Someone in no branch gets the built-in 学习教育月 prompt.
    expect(await other.page.textContent('.prompt-source')).toContain('学习教育月通用题目')
    await screenshot(other.page, 'journal-empty-general')

    // The secretary edits next month's topics from the journal page.
    await secretary.page.goto(`${app.server.url}/journal`)
    await secretary.page.waitForSelector('.study-topics .topic-list')
    await secretary.page.click('.study-topics button.small-button >> text=编辑专题')
    await secretary.page.click('.study-topics .add-topic')
    await secretary.page.locator('.topic-draft input').last().fill('学习身边榜样')
    await secretary.page.locator('.topic-draft textarea').last().fill('身边哪位同志的做法值得你学习？')
    await screenshot(secretary.page, 'journal-topics-editor')
    await secretary.page.click('.study-topics button[type=submit]')
    await secretary.page.waitForSelector('.study-topics .form-ok')
    expect(await secretary.page.locator('.topic-list > li').count()).toBe(4)
    // The branch page has the same card, with its own month picker: next month is still empty.
    await secretary.page.goto(`${app.server.url}/branches/${branchId}`)
    await secretary.page.waitForSelector('.study-topics .topic-list')
    await secretary.page.click('.study-topics button[aria-label="下个月"]')
    await secretary.page.waitForSelector('.study-topics p.muted >> text=还没有设置学习专题')
    await screenshot(secretary.page, 'journal-branch-topics')

    // In English, the whole page follows.
    await page.goto(`${app.server.url}/journal`)
    await page.waitForSelector('.journal-entry')
    await page.click('button.lang')
    await page.waitForFunction(() => document.querySelector('.prompt-kicker')?.textContent?.startsWith("Today's prompt"))
    expect(await page.textContent('.journal-head .page-title')).toBe('Study journal')
    await page.screenshot({ path: `${outputDir}/journal-en-full.png`, fullPage: true })
    // On a phone the calendar comes first and the page stays one column.
    await page.click('button.lang')
    await page.setViewportSize({ width: 400, height: 860 })
    await page.waitForFunction(() => document.querySelector('.prompt-kicker')?.textContent?.startsWith('今日题目'))
    expect(await page.evaluate(() => document.querySelector('.journal-page')!.scrollWidth)).toBeLessThanOrEqual(400)
    await page.screenshot({ path: `${outputDir}/journal-narrow.png`, fullPage: true })

    expect([...writer.errors, ...mentor.errors, ...secretary.errors, ...other.errors]).toEqual([])
  })
})
