import fs from 'node:fs'
import path from 'node:path'
import { bodyFragmentName, replaceBody, type DocumentDto, type DocumentKind, type SearchResultsDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newId } from '../../auth/secretToken.ts'
import { paragraphs, saved, startTestServer, synced, waitFor, writeBody, yClient, type TestServer } from '../../testing/index.ts'

/**
 * GET /api/search against a real server: Chinese content (the sample speech), trigram and
 * short-term queries, filters, ranking, highlight ranges, hostile input, permissions and how
 * fast the index follows an edit.
 */
const speech = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../../../../tests/fixtures/seed-speech-zh.txt'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.trim())
  .filter(Boolean)

let server: TestServer
let alice: { id: string; token: string }
let bob: { id: string; token: string }
let branchA: string
const docs = {} as Record<'speech' | 'reflection' | 'minutes' | 'bobPrivate' | 'bobShared' | 'bobToBranch' | 'trashed' | 'titleOnly', DocumentDto>

async function create(token: string, body: { title: string; kind?: DocumentKind; branchId?: string }): Promise<DocumentDto> {
  const response = await server.api('/api/documents', { method: 'POST', body, token })
  expect(response.status).toBe(201)
  return (await response.json()) as DocumentDto
}

async function search(token: string, params: Record<string, string>): Promise<{ status: number; body: SearchResultsDto }> {
  const response = await server.api(`/api/search?${new URLSearchParams(params)}`, { token })
  return { status: response.status, body: (await response.json()) as SearchResultsDto }
}

async function ids(token: string, params: Record<string, string>): Promise<string[]> {
  const { status, body } = await search(token, params)
  expect(status, JSON.stringify(body)).toBe(200)
  return body.results.map((r) => r.document.id)
}

/** Waits until `q` finds `id` for `token` (the index follows edits after a short debounce). */
async function indexed(token: string, q: string, id: string): Promise<void> {
  await waitFor(async () => (await ids(token, { q })).includes(id), { timeoutMs: 5_000, message: `"${q}" to find ${id}` })
}

beforeAll(async () => {
  server = await startTestServer()
  const a = await server.addUser('alice', { displayName: '李华' })
  const b = await server.addUser('bob', { displayName: '王强' })
  alice = { id: a.user.id, token: a.token }
  bob = { id: b.user.id, token: b.token }
  branchA = newId()
  await server.store.branches.insert({ id: branchA, name: '第一支部', created_at: new Date().toISOString() })
  await server.store.branches.setRole(branchA, alice.id, 'member')

  docs.speech = await create(alice.token, { title: '在2024年学习教育月活动动员会上的讲话', kind: 'speech' })
  docs.reflection = await create(alice.token, { title: '党建工作心得体会', kind: 'reflection' })
  docs.minutes = await create(alice.token, { title: '支部学习讨论纪要', kind: 'minutes', branchId: branchA })
  docs.bobPrivate = await create(bob.token, { title: '个人笔记', kind: 'study-notes' })
  docs.bobShared = await create(bob.token, { title: '共享的学习笔记', kind: 'study-notes' })
  docs.bobToBranch = await create(bob.token, { title: '给支部的工作方案', kind: 'work-plan' })
  docs.trashed = await create(alice.token, { title: '已删除的草稿' })
  docs.titleOnly = await create(alice.token, { title: '机关自身建设要点' })

  await writeBody(server.collabUrl, docs.speech.id, alice.token, ...speech)
  await writeBody(server.collabUrl, docs.reflection.id, alice.token, '围绕机关党建谈几点学习体会。', '一是坚持读原著悟原理。')
  await writeBody(server.collabUrl, docs.minutes.id, alice.token, '会议讨论了学习计划，大家发言踊跃。')
  await writeBody(server.collabUrl, docs.bobPrivate.id, bob.token, '只有王强能看到的秘密段落：紫藤萝。')
  await writeBody(server.collabUrl, docs.bobShared.id, bob.token, '共享给李华的段落：银杏叶。')
  await writeBody(server.collabUrl, docs.bobToBranch.id, bob.token, '共享给第一支部的段落：梧桐树。')
  await writeBody(server.collabUrl, docs.trashed.id, alice.token, '回收站里的段落：木棉花。')
  for (const [id, grantee] of [
    [docs.bobShared.id, { granteeType: 'user', granteeId: alice.id, level: 'view' }],
    [docs.bobToBranch.id, { granteeType: 'branch', granteeId: branchA, level: 'comment' }],
  ] as const) {
    expect((await server.api(`/api/documents/${id}/shares`, { method: 'PUT', body: grantee, token: bob.token })).status).toBe(200)
  }
  // Everything written is indexed before the tests look (root, an admin, reads everything).
  await indexed(server.token, '紫藤萝', docs.bobPrivate.id)
  await indexed(server.token, '银杏叶', docs.bobShared.id)
  await indexed(server.token, '梧桐树', docs.bobToBranch.id)
  await indexed(server.token, '木棉花', docs.trashed.id)
  await indexed(server.token, '发言踊跃', docs.minutes.id)
  await indexed(server.token, '读原著', docs.reflection.id)
  await indexed(server.token, speech.at(-1)!.slice(0, 12), docs.speech.id)
  expect((await server.api(`/api/documents/${docs.trashed.id}`, { method: 'DELETE', token: alice.token })).status).toBe(200)
}, 60_000)

afterAll(async () => {
  await server?.close()
})

describe('matching Chinese text', () => {
  it('finds a phrase of three or more characters in the body, with its snippet highlighted exactly', async () => {
    const { status, body } = await search(alice.token, { q: '调查研究' })
    expect(status).toBe(200)
    const expected = speech.join('').includes('调查研究') ? [docs.speech.id] : []
    expect(body.results.map((r) => r.document.id)).toEqual(expected)

    const { body: found } = await search(alice.token, { q: '中国特色社会主义' })
    const hit = found.results.find((r) => r.document.id === docs.speech.id)!
    expect(hit.snippets.length).toBeGreaterThan(0)
    for (const snippet of hit.snippets) {
      expect(snippet.highlights.length).toBeGreaterThan(0)
      for (const h of snippet.highlights) expect(snippet.text.slice(h.start, h.end)).toBe('中国特色社会主义')
    }
    expect(hit.ownerName).toBe('李华')
    expect(hit.document.kind).toBe('speech')
    expect(hit.document.access).toBe('owner')
  })

  it('finds two-character terms (党建) that trigrams cannot, title hits first', async () => {
    const { body } = await search(alice.token, { q: '党建' })
    const found = body.results.map((r) => r.document.id)
    expect(found[0]).toBe(docs.reflection.id)
    expect(found).toContain(docs.speech.id)
    expect(body.total).toBe(found.length)
    const reflection = body.results[0]!
    expect(reflection.titleHighlights.map((h) => reflection.document.title.slice(h.start, h.end))).toEqual(['党建'])
    for (const snippet of body.results.flatMap((r) => r.snippets)) {
      for (const h of snippet.highlights) expect(snippet.text.slice(h.start, h.end)).toBe('党建')
    }
  })

  it('finds one-character terms (学), title hits before body-only hits', async () => {
    const { body } = await search(alice.token, { q: '学' })
    const found = body.results.map((r) => r.document.id)
    expect(found).toEqual(expect.arrayContaining([docs.speech.id, docs.minutes.id, docs.bobShared.id, docs.reflection.id]))
    const titleHits = body.results.map((r) => r.titleHighlights.length > 0)
    // Every title hit comes before every body-only hit.
    expect(titleHits.indexOf(false)).toBeGreaterThan(titleHits.lastIndexOf(true))
  })

  it('needs every term of a multi-term query, mixing long and short terms', async () => {
    expect(await ids(alice.token, { q: '党建 读原著' })).toEqual([docs.reflection.id])
    expect(await ids(alice.token, { q: '学习\u3000纪要' })).toEqual([docs.minutes.id])
    expect(await ids(alice.token, { q: '党建 木棉花' })).toEqual([])
    const { body } = await search(alice.token, { q: '党建 动员会' })
    expect(body.results.map((r) => r.document.id)).toEqual([docs.speech.id])
    const marks = body.results[0]!.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)))
    expect(new Set(marks)).toEqual(new Set(['党建', '动员会']))
  })

  it('ignores the case of Latin letters on both paths', async () => {
    const doc = await create(alice.token, { title: 'PPT 修改意见' })
    await writeBody(server.collabUrl, doc.id, alice.token, 'Review the Slides before Friday.')
    await indexed(alice.token, 'slides', doc.id)
    expect(await ids(alice.token, { q: 'ppt' })).toEqual([doc.id])
    expect(await ids(alice.token, { q: 'Pp' })).toEqual([doc.id])
    expect(await ids(alice.token, { q: 'FRIDAY re' })).toEqual([doc.id])
  })

  it('ranks a title match above many body matches', async () => {
    const found = await ids(alice.token, { q: '机关自身建设' })
    expect(found[0]).toBe(docs.titleOnly.id)
    expect(found).toContain(docs.speech.id)
    const { body } = await search(alice.token, { q: '机关自身建设' })
    expect(body.results[0]!.score).toBeGreaterThan(body.results[1]!.score)
  })

  it('pages through results with limit and offset', async () => {
    const all = await ids(alice.token, { q: '学' })
    expect(all.length).toBeGreaterThan(2)
    const first = await ids(alice.token, { q: '学', limit: '2' })
    const rest = await ids(alice.token, { q: '学', limit: '50', offset: '2' })
    expect([...first, ...rest]).toEqual(all)
  })
})

describe('filters', () => {
  it('by type, branch, author and date', async () => {
    expect(await ids(alice.token, { q: '学', kind: 'minutes' })).toEqual([docs.minutes.id])
    expect(await ids(alice.token, { q: '学', branchId: branchA })).toEqual([docs.minutes.id])
    expect(new Set(await ids(alice.token, { q: '段落', authorId: bob.id }))).toEqual(new Set([docs.bobShared.id, docs.bobToBranch.id]))
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const past = new Date(Date.now() - 86_400_000).toISOString()
    expect(await ids(alice.token, { q: '党建', from: future })).toEqual([])
    expect(await ids(alice.token, { q: '党建', to: past })).toEqual([])
    expect((await ids(alice.token, { q: '党建', from: past, to: future.replace('Z', '+08:00') })).length).toBeGreaterThan(0)
  })

  it('sorts by last edit when asked', async () => {
    const { body } = await search(alice.token, { q: '学', sort: 'updated' })
    const times = body.results.map((r) => r.document.updatedAt)
    expect([...times].sort().reverse()).toEqual(times)
  })
})

describe('hostile and invalid queries', () => {
  const hostile = [
    '"', '""', '*', 'OR', 'AND', 'NOT', ')(', '(', '^', '-', ':', '"党建', '党建"', '"党建" OR "x"', 'NEAR(党建 学习)',
    'title:党建', '{title body}:党建', "'; DROP TABLE documents; --", "' OR '1'='1", '学*', '%', '_', '%党%', '\\', '🙂', '😀😀😀',
    'a'.repeat(200), '党'.repeat(200), Array.from({ length: 40 }, (_, i) => `词${i}`).join(' '),
  ]
  it('never fail with a server error', async () => {
    for (const q of hostile) {
      const { status, body } = await search(alice.token, { q })
      expect(status, `q=${JSON.stringify(q)}: ${JSON.stringify(body)}`).toBe(200)
      expect(Array.isArray(body.results)).toBe(true)
    }
    expect(server.errors).toEqual([])
    // The documents table survived the injection attempts.
    expect((await server.api(`/api/documents/${docs.speech.id}`, { token: alice.token })).status).toBe(200)
  })

  it('treats quotes and wildcards as text', async () => {
    expect(await ids(alice.token, { q: '"党建"' })).toEqual([])
    expect(await ids(alice.token, { q: '紫藤*' })).toEqual([])
  })

  it('answers 400 to an empty, blank, too long or control-character query', async () => {
    for (const params of [{}, { q: '' }, { q: '   ' }, { q: 'a'.repeat(201) }, { q: 'a\u0000b' }, { q: '党建', kind: 'nope' }, { q: '党建', limit: '0' }, { q: '党建', from: 'yesterday' }]) {
      const { status, body } = await search(alice.token, params as Record<string, string>)
      expect(status, JSON.stringify(params)).toBe(400)
      expect((body as unknown as { error: { code: string } }).error.code).toBe('invalid_request')
    }
  })

  it('needs a signed-in user', async () => {
    const response = await fetch(`${server.url}/api/search?q=党建`)
    expect(response.status).toBe(401)
  })
})

describe('permissions', () => {
  it('never shows a document the user cannot read, nor one in the trash', async () => {
    expect(await ids(alice.token, { q: '紫藤萝' })).toEqual([])
    expect(await ids(alice.token, { q: '木棉花' })).toEqual([])
    expect(await ids(alice.token, { q: '银杏叶' })).toEqual([docs.bobShared.id])
    expect(await ids(alice.token, { q: '梧桐树' })).toEqual([docs.bobToBranch.id])
    expect(await ids(bob.token, { q: '党建' })).toEqual([])
    expect(await ids(bob.token, { q: '紫藤萝' })).toEqual([docs.bobPrivate.id])
    // Short terms (the substring path) obey the same rules.
    const bobSees = new Set([docs.bobPrivate.id, docs.bobShared.id, docs.bobToBranch.id])
    for (const id of await ids(bob.token, { q: '的', limit: '50' })) expect(bobSees.has(id)).toBe(true)
    const { body } = await search(alice.token, { q: '段落', limit: '50' })
    expect(body.total).toBe(body.results.length)
    expect(body.results.map((r) => r.document.id).sort()).toEqual([docs.bobShared.id, docs.bobToBranch.id].sort())
  })

  it('drops a document once its share is revoked, and shows it again on restore from the trash', async () => {
    const doc = await create(bob.token, { title: '临时共享' })
    await writeBody(server.collabUrl, doc.id, bob.token, '临时共享的内容：凤凰木。')
    await indexed(bob.token, '凤凰木', doc.id)
    const share = { granteeType: 'user', granteeId: alice.id, level: 'edit' }
    expect((await server.api(`/api/documents/${doc.id}/shares`, { method: 'PUT', body: share, token: bob.token })).status).toBe(200)
    expect(await ids(alice.token, { q: '凤凰木' })).toEqual([doc.id])
    expect((await server.api(`/api/documents/${doc.id}/shares/user/${alice.id}`, { method: 'DELETE', token: bob.token })).status).toBe(204)
    expect(await ids(alice.token, { q: '凤凰木' })).toEqual([])

    expect((await server.api(`/api/documents/${doc.id}`, { method: 'DELETE', token: bob.token })).status).toBe(200)
    expect(await ids(bob.token, { q: '凤凰木' })).toEqual([])
    expect((await server.api(`/api/documents/${doc.id}/restore`, { method: 'POST', token: bob.token })).status).toBe(200)
    expect(await ids(bob.token, { q: '凤凰木' })).toEqual([doc.id])

    expect((await server.api(`/api/documents/${doc.id}`, { method: 'DELETE', token: bob.token })).status).toBe(200)
    expect((await server.api(`/api/documents/${doc.id}/permanent`, { method: 'DELETE', token: bob.token })).status).toBe(204)
    expect(await ids(server.token, { q: '凤凰木' })).toEqual([])
  })
})

describe('freshness', () => {
  it('finds text typed through a y-websocket client within a second of it being stored', async () => {
    const doc = await create(alice.token, { title: '新鲜度测试' })
    const client = yClient(server.collabUrl, doc.id, { token: alice.token })
    try {
      await synced(client)
      for (const word of ['珙桐花', '鹅掌楸']) {
        replaceBody(client.doc, paragraphs(`正在输入的新内容：${word}。`))
        await saved(client)
        const storedAt = performance.now()
        await waitFor(async () => (await ids(alice.token, { q: word })).includes(doc.id), { timeoutMs: 1_000, message: `"${word}" to be searchable` })
        const elapsed = performance.now() - storedAt
        console.log(`search found "${word}" ${elapsed.toFixed(0)} ms after it was stored`)
        expect(elapsed).toBeLessThan(1_000)
      }
      // The replaced text is gone from the index.
      expect(await ids(alice.token, { q: '珙桐花' })).toEqual([])
    } finally {
      client.destroy()
    }
  })

  it('keeps up while someone types without a pause (the debounce has a ceiling)', async () => {
    const doc = await create(alice.token, { title: '连续输入测试' })
    const client = yClient(server.collabUrl, doc.id, { token: alice.token })
    const append = (text: string) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      client.doc.getXmlFragment(bodyFragmentName).push([paragraph])
    }
    let typing: NodeJS.Timeout | undefined
    try {
      await synced(client)
      append('第一段：银杏大道。')
      await saved(client)
      const storedAt = performance.now()
      // A change stored every 100 ms: a plain debounce would never fire.
      let n = 0
      typing = setInterval(() => append(`继续输入第${++n}段。`), 100)
      await waitFor(async () => (await ids(alice.token, { q: '银杏大道' })).includes(doc.id), { timeoutMs: 1_000, message: 'the first paragraph while typing goes on' })
      const elapsed = performance.now() - storedAt
      console.log(`search found text typed ${elapsed.toFixed(0)} ms earlier while typing continued`)
      expect(elapsed).toBeLessThan(1_000)
    } finally {
      clearInterval(typing)
      client.destroy()
    }
  })

  it('finds a renamed title at once', async () => {
    const doc = await create(alice.token, { title: '旧标题' })
    expect((await server.api(`/api/documents/${doc.id}`, { method: 'PATCH', body: { title: '红豆杉观察记录' }, token: alice.token })).status).toBe(200)
    expect(await ids(alice.token, { q: '红豆杉' })).toEqual([doc.id])
    expect(await ids(alice.token, { q: '旧标题' })).toEqual([])
  })

  it('finds a document started from a template by its template text', async () => {
    const response = await server.api('/api/documents', { method: 'POST', body: { templateId: 'notice', title: '关于开展学习的通知' }, token: alice.token })
    expect(response.status).toBe(201)
    const doc = (await response.json()) as DocumentDto
    const text = (await (await server.api(`/api/documents/${doc.id}/content?format=text`, { token: alice.token })).json()) as { content: string }
    const phrase = text.content.replace(/\s/g, '').slice(0, 4)
    expect(phrase.length).toBeGreaterThan(2)
    await indexed(alice.token, phrase, doc.id)
  })
})
