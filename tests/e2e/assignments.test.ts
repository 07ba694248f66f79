import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDocument } from './appServer.ts'
import { editorText, openEditor, screenshot, selectText } from './browser.ts'
import { useApp } from './useApp.ts'

/**
 * Assignments end to end, three people in Chromium: the secretary sets an assignment with a
 * rubric; the member starts it from the template, writes and submits; the mentor ties a
 * comment to a criterion and scores with the rubric; the member sees the scores and the
 * comment together with the total; the secretary's dashboard shows it reviewed.
 */

const app = useApp()

const waitSynced = (page: Page) => page.waitForFunction(() => document.querySelector('dongbi-editor')?.provider?.synced === true)

describe('assignments in Chromium', () => {
  it('set with a rubric → started from the template, written, submitted → scored by the mentor → the member sees the score', async () => {
    const secretary = await app.open('王书记', 'wangshuji')
    const member = await app.open('陈静', 'chenjing')
    const mentor = await app.open('李导师', 'lidaoshi')
    const branch = (await (await app.server.api('/api/branches', { method: 'POST', body: { name: '第一支部' } })).json()) as { id: string }
    for (const [person, role] of [
      [secretary, 'secretary'],
      [member, 'member'],
      [mentor, 'mentor'],
    ] as const) {
      await app.server.api(`/api/branches/${branch.id}/members/${person.userId}`, { method: 'PUT', body: { role } })
    }
    for (const page of [secretary.page, member.page, mentor.page]) page.on('dialog', (dialog) => void dialog.accept())

    // The secretary sets it: title, instructions, length, the sample rubric, reviewed by the mentor.
    await secretary.page.goto(`${app.server.url}/assignments`)
    await secretary.page.waitForSelector('.asg-empty')
    await screenshot(secretary.page, 'assignments-empty-secretary')
    await secretary.page.click('a.new-assignment')
    await secretary.page.waitForSelector('form.asg-form')
    await secretary.page.fill('input[name=title]', '关于开展学习教育月活动的通知')
    await secretary.page.fill('textarea[name=prompt]', '以支部名义起草一份通知，写明活动安排和要求。注意发文字号、主送机关和成文日期的写法。')
    // The 通知 template alone is about 214 字: the member starts short of the minimum and passes it by writing.
    await secretary.page.fill('input[name=minChars]', '228')
    await secretary.page.fill('input[name=maxChars]', '800')
    await secretary.page.click('button.sample-rubric')
    await secretary.page.waitForSelector('.criterion >> nth=2')
    await expect.poll(() => secretary.page.inputValue('select[name=mentor]')).toBe(mentor.userId)
    await screenshot(secretary.page, 'assignment-form')
    await secretary.page.click('button.save-assignment')
    await secretary.page.waitForSelector('.asg-counts')
    await screenshot(secretary.page, 'assignment-dashboard-new')
    await secretary.page.click('a.nav-assignments')
    await secretary.page.waitForSelector('li[data-managed]')
    await screenshot(secretary.page, 'assignments-managing')
    await secretary.page.click('li[data-managed] a.doc-title')
    await secretary.page.waitForSelector('.asg-counts')

    // The member sees it in 我的作业 and starts it: a 通知 from the template.
    await member.page.goto(`${app.server.url}/assignments`)
    await member.page.waitForSelector('.asg-card')
    expect(await member.page.textContent('.asg-card')).toContain('未开始')
    await screenshot(member.page, 'assignments-member')
    await member.page.click('button.start-assignment')
    await member.page.waitForSelector('dongbi-editor .ProseMirror')
    await waitSynced(member.page)
    await expect.poll(() => editorText(member.page)).toContain('特此通知。')
    await member.page.waitForSelector('.asg-panel')
    expect(await member.page.textContent('.asg-panel')).toContain('以支部名义起草一份通知')
    expect(await member.page.textContent('.asg-panel .length-warning')).toContain('字数偏少')
    await selectText(member.page, '〖第一项事项〗')
    await member.page.keyboard.type('组织全体党员集中学习，每周开展一次读书交流，每人撰写心得体会一篇')
    await expect.poll(() => member.page.locator('.asg-panel .length-warning').count()).toBe(0)
    await member.page.click('button.submit-assignment')
    await expect.poll(() => member.page.textContent('.asg-panel .status-chip')).toContain('已提交')
    await expect.poll(() => member.page.textContent('.review-chip')).toContain('已提交')
    await screenshot(member.page, 'assignment-editor-member-submitted')
    const documentId = new URL(member.page.url()).pathname.split('/').pop()!

    // The mentor ties a comment to 结构层次 and scores every criterion.
    await mentor.page.goto(`${app.server.url}/d/${documentId}`)
    await mentor.page.waitForSelector('dongbi-editor .ProseMirror')
    await waitSynced(mentor.page)
    await mentor.page.waitForSelector('.asg-panel form.scoring')
    await selectText(mentor.page, '特此通知')
    await mentor.page.click('button.comment-button')
    await mentor.page.fill('.composer textarea', '结尾语前应写明工作要求。')
    const criteria = await mentor.page.$$eval('.composer select.criterion-select option', (options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })))
    const structure = criteria.find((o) => o.label.includes('结构层次'))!.value
    await mentor.page.selectOption('.composer select.criterion-select', structure)
    await mentor.page.click('.composer button[type=submit]')
    await mentor.page.waitForSelector('.thread .criterion-chip')
    await mentor.page.waitForSelector(`.asg-panel .score-item[data-criterion="${structure}"] .tied li`)
    const items = mentor.page.locator('.asg-panel form.scoring .score-item')
    await items.nth(0).locator('label', { hasText: '优秀' }).click()
    await items.nth(1).locator('label', { hasText: '合格' }).click()
    await items.nth(1).locator('textarea').fill('层次基本清楚，缺少工作要求。')
    await items.nth(2).locator('label', { hasText: '优秀' }).click()
    expect(await mentor.page.textContent('.asg-panel form.scoring .total')).toContain('26 / 30')
    await mentor.page.click('button.save-scores')
    await mentor.page.waitForSelector('.asg-panel .ok-note')
    await screenshot(mentor.page, 'assignment-editor-mentor-scoring')

    // The member sees the scores with the tied comment and the total.
    await member.page.reload()
    await member.page.waitForSelector('.asg-panel .total')
    const panel = (await member.page.textContent('.asg-panel'))!
    expect(panel).toContain('已评阅')
    expect(panel).toContain('总分 26 / 30')
    expect(panel).toContain('层次基本清楚，缺少工作要求。')
    expect(panel).toContain('结尾语前应写明工作要求。')
    await screenshot(member.page, 'assignment-editor-member-scored')
    await member.page.goto(`${app.server.url}/assignments`)
    await member.page.waitForSelector('.asg-card .score')
    expect(await member.page.textContent('.asg-card .score')).toContain('26 / 30')
    // The inbox named the assignment and the score; and the page reads in English too.
    await member.page.click('button.lang')
    await member.page.waitForSelector('.asg-card .score >> text=Score 26 / 30')
    await screenshot(member.page, 'assignments-member-reviewed-en')
    await member.page.click('button.lang')
    await member.page.click('.bell')
    await member.page.waitForSelector('.inbox-item[data-kind=assignment_scored]')
    expect(await member.page.textContent('.inbox-item[data-kind=assignment_set]')).toContain('王书记 布置了作业「关于开展学习教育月活动的通知」')
    expect(await member.page.textContent('.inbox-item[data-kind=assignment_scored]')).toContain('李导师 给你的作业《关于开展学习教育月活动的通知》评了分')
    await screenshot(member.page, 'assignments-inbox')

    // The secretary's dashboard: reviewed, and the distribution bars.
    await secretary.page.reload()
    await secretary.page.waitForSelector('.asg-table tr[data-user=chenjing] .status-reviewed')
    await secretary.page.waitForSelector('.asg-dist .bar-row')
    expect(await secretary.page.textContent('.asg-table tr[data-user=chenjing]')).toContain('26')
    await screenshot(secretary.page, 'assignment-dashboard-reviewed')
    expect([...secretary.errors, ...member.errors, ...mentor.errors]).toEqual([])
  })
})

describe('peer review in Chromium', () => {
  it('the author sees anonymous peers as 同伴评审 k/N; the form sets an age audience', async () => {
    const secretary = await app.open('周书记', 'zhoushuji')
    const author = await app.open('吴敏', 'wumin')
    const peerA = await app.open('郑华', 'zhenghua')
    const peerB = await app.open('钱进', 'qianjin')
    const branch = (await (await app.server.api('/api/branches', { method: 'POST', body: { name: '第二支部' } })).json()) as { id: string }
    await app.server.api(`/api/branches/${branch.id}/members/${secretary.userId}`, { method: 'PUT', body: { role: 'secretary' } })
    for (const person of [author, peerA, peerB]) await app.server.api(`/api/branches/${branch.id}/members/${person.userId}`, { method: 'PUT', body: { role: 'member' } })
    // Set-up through the API; the answers are read loosely (their shapes are checked in the server tests).
    const as = (token: string, path: string, method = 'GET', body?: unknown) => app.server.api(path, { method, body, token }).then((r) => r.json() as Promise<{ id: string; mine: { documentId: string } }>)
    const rubric = [
      { id: 'content', name: '内容充实', description: '联系工作实际', levels: [{ id: 'a', label: '优秀', points: 10 }, { id: 'b', label: '合格', points: 6 }] },
      { id: 'style', name: '文风朴实', description: '', levels: [{ id: 'a', label: '优秀', points: 5 }, { id: 'b', label: '合格', points: 3 }] },
    ]
    const assignment = await as(secretary.token, '/api/assignments', 'POST', {
      branchId: branch.id,
      title: '学习心得互评',
      prompt: '写一篇心得体会，联系本职工作谈收获。',
      kind: 'reflection',
      templateId: 'reflection',
      deadline: new Date(Date.now() - 3_600_000).toISOString(),
      length: { min: 20, max: 1500 },
      audience: { type: 'branch' },
      rubric,
      allocation: { type: 'peer', count: 2, anonymous: true },
    })
    const { mine } = await as(author.token, `/api/assignments/${assignment.id}/start`, 'POST')
    await as(author.token, `/api/assignments/${assignment.id}/submit`, 'POST', {})
    await as(peerA.token, `/api/documents/${mine.documentId}/assignment/scores`, 'PUT', { scores: [{ criterionId: 'content', levelId: 'a', note: '例子具体' }, { criterionId: 'style', levelId: 'b' }] })
    await as(peerB.token, `/api/documents/${mine.documentId}/assignment/scores`, 'PUT', { scores: [{ criterionId: 'content', levelId: 'b' }, { criterionId: 'style', levelId: 'a', note: '语言平实' }] })

    // The editor asks for the assignment only on assignment works.
    const asked: string[] = []
    author.page.on('request', (request) => {
      if (/^\/api\/documents\/[^/]+\/assignment$/.test(new URL(request.url()).pathname)) asked.push(request.url())
    })
    await openEditor(author.page, app.server.url, await createDocument(app.server, '随笔', author.token))
    expect(asked).toEqual([])
    await author.page.goto(`${app.server.url}/d/${mine.documentId}`)
    await author.page.waitForSelector('.asg-panel .total')
    expect(asked.length).toBeGreaterThan(0)
    const panel = (await author.page.textContent('.asg-panel'))!
    expect(panel).toContain('同伴评审 1/2')
    expect(panel).toContain('同伴评审 2/2')
    expect(panel).toContain('总分 12 / 15')
    expect(panel).toContain('逾期')
    expect(panel).not.toMatch(/郑华|钱进/)
    expect(await author.page.textContent('.review-chip')).not.toMatch(/郑华|钱进/)
    await screenshot(author.page, 'assignment-editor-peer-anonymous')

    // A peer comments in the editor: the author sees the thread live, by alias — also the avatar
    // and the peer's caret; the peer sees her own name.
    await peerA.page.goto(`${app.server.url}/d/${mine.documentId}`)
    await waitSynced(peerA.page)
    await selectText(peerA.page, '心得体会')
    await peerA.page.click('button.comment-button')
    await peerA.page.fill('.composer textarea', '开头可以联系本职工作，写得更具体些。')
    await peerA.page.click('.composer button[type=submit]')
    await peerA.page.waitForSelector('.thread .comment-head')
    expect(await peerA.page.textContent('.thread .comment-head')).toContain('郑华')
    await author.page.waitForSelector('.thread .comment-body')
    const head = (await author.page.textContent('.thread .comment-head'))!
    expect(head).toMatch(/同伴评审 [12]\/2/)
    expect(head).not.toMatch(/郑华|钱进/)
    expect(await author.page.textContent('.thread .avatar')).toMatch(/^\s*[12]\s*$/)
    await peerA.page.click('.ProseMirror')
    await author.page.waitForSelector('.collaboration-carets__label')
    expect(await author.page.textContent('.collaboration-carets__label')).toMatch(/同伴评审 [12]\/2/)
    // She suggests (可评论): the suggestion is recorded under her alias; she may still withdraw it.
    await selectText(peerA.page, '心得体会', { collapse: true })
    await peerA.page.keyboard.type('与收获')
    await author.page.waitForSelector('.suggestion-card')
    expect(await author.page.textContent('.suggestion-card .who')).toMatch(/同伴评审 [12]\/2 建议插入/)
    expect(await author.page.getAttribute('dongbi-editor ins.dongbi-suggestion', 'data-suggestion-author-name')).toMatch(/^同伴评审 [12]\/2$/)
    await peerA.page.waitForSelector('.suggestion-card button.reject')
    expect(await author.page.textContent('dongbi-comments-panel')).not.toMatch(/郑华|钱进/)
    expect(await author.page.textContent('dongbi-suggestions-panel')).not.toMatch(/郑华|钱进/)
    await author.page.locator('dongbi-comments-panel').scrollIntoViewIfNeeded()
    await screenshot(author.page, 'assignment-comments-peer-anonymous')
    // The share list names reviewers' shares by alias too, without controls.
    await author.page.click('button.share-button')
    await author.page.waitForSelector('dongbi-share-dialog li[data-grantee="peer-1-of-2"]')
    const shares = (await author.page.textContent('dongbi-share-dialog ul'))!
    expect(shares).toContain('同伴评审 1/2')
    expect(shares).not.toMatch(/郑华|钱进/)
    expect(await author.page.$('dongbi-share-dialog li[data-grantee="peer-1-of-2"] select')).toBeNull()
    await screenshot(author.page, 'assignment-share-peer-anonymous')
    await author.page.keyboard.press('Escape')
    // In English the aliases read “Peer reviewer k/N” everywhere, the inbox included.
    await author.page.click('button.lang')
    await author.page.waitForSelector('.thread .comment-head >> text=/Peer reviewer [12]\\/2/')
    expect(await author.page.textContent('.suggestion-card .who')).toMatch(/Peer reviewer [12]\/2/)
    expect(await author.page.textContent('.asg-panel')).toContain('Peer reviewer 2/2')
    await peerA.page.keyboard.press('ArrowLeft')
    await author.page.waitForSelector('.collaboration-carets__label >> text=/Peer reviewer [12]\\/2/')
    await author.page.click('.bell')
    await author.page.waitForSelector('.inbox-item[data-kind=assignment_scored]')
    expect(await author.page.textContent('.inbox-item[data-kind=assignment_scored]')).toMatch(/Peer reviewer [12]\/2/)
    await screenshot(author.page, 'assignment-peer-anonymous-en')
    await author.page.click('.bell')
    await author.page.click('button.lang')
    // The setter sees the name.
    await secretary.page.goto(`${app.server.url}/d/${mine.documentId}`)
    await secretary.page.waitForSelector('.thread .comment-head')
    expect(await secretary.page.textContent('.thread .comment-head')).toContain('郑华')

    // The form: the template select lists the type's built-in template (chosen) and the branch's own.
    const source = await as(secretary.token, '/api/documents', 'POST', { title: '支部心得范文', kind: 'reflection', branchId: branch.id })
    const saved = await as(secretary.token, `/api/branches/${branch.id}/templates`, 'POST', { name: '支部心得范文', kind: 'reflection', documentId: source.id })
    await secretary.page.goto(`${app.server.url}/assignments/${assignment.id}/edit`)
    await secretary.page.waitForSelector('form.asg-form')
    expect(await secretary.page.inputValue('select[name=template]')).toBe('reflection')
    expect(await secretary.page.$$eval('select[name=template] option', (options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['reflection', saved.id, ''])
    await secretary.page.selectOption('select[name=kind]', 'notice')
    expect(await secretary.page.inputValue('select[name=template]')).toBe('notice')

    // The form: an age audience (45 and under by default) shown with its hint.
    await secretary.page.check('input[name=audience][value=age]')
    await secretary.page.waitForSelector('input[name=maxAge]')
    await secretary.page.locator('fieldset', { hasText: '布置对象' }).scrollIntoViewIfNeeded()
    await screenshot(secretary.page, 'assignment-form-age')
    expect([...secretary.errors, ...author.errors, ...peerA.errors]).toEqual([])
  })
})
