import { countCharacters, diffSides, nodeToText, ydocToNode, type DocumentDiffDto, type RestoreResultDto, type VersionContentDto, type VersionDto } from '@dongbi/schema'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { saved, seededRandom, startTestServer, storedDoc, synced, waitFor, writeBody, yClient, type TestServer, type YClient } from '../../testing/index.ts'

let server: TestServer
const clients: YClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})
afterAll(async () => {
  await server?.close()
})

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = await response.text()
  expect(response.status, body).toBe(status)
  return JSON.parse(body) as T
}

async function newDocument(on = server): Promise<string> {
  return (await json<{ id: string }>(await on.api('/api/documents', { method: 'POST', body: { title: '版本测试' } }), 201)).id
}

const bodyText = (client: YClient) => nodeToText(ydocToNode(client.doc))

async function nameVersion(id: string, name: string): Promise<VersionDto> {
  return json<VersionDto>(await server.api(`/api/documents/${id}/versions`, { method: 'POST', body: { name } }), 201)
}

describe('versions', () => {
  it('keeps named versions, lists them newest first, serves their content in three formats, renames them', async () => {
    const id = await newDocument()
    await writeBody(server.collabUrl, id, server.token, '第一稿', '<第二段>')
    const first = await nameVersion(id, '初稿')
    expect(first).toMatchObject({ number: 1, kind: 'named', name: '初稿', createdByName: '管理员', characters: countCharacters('第一稿\n\n<第二段>').total })
    await writeBody(server.collabUrl, id, server.token, '第二稿')
    const second = await nameVersion(id, '二稿')
    const { versions } = await json<{ versions: VersionDto[] }>(await server.api(`/api/documents/${id}/versions`))
    expect(versions.map((v) => [v.number, v.name])).toEqual([
      [2, '二稿'],
      [1, '初稿'],
    ])

    const get = (format: string) => server.api(`/api/documents/${id}/versions/${first.id}?format=${format}`)
    expect((await json<VersionContentDto>(await get('text'))).content).toBe('第一稿\n\n<第二段>')
    expect((await json<VersionContentDto>(await get('html'))).content).toBe('<p>第一稿</p><p>&lt;第二段&gt;</p>')
    expect((await json<VersionContentDto>(await get('json'))).content).toMatchObject({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] })
    await json(await get('pdf'), 400)

    expect(await json<VersionDto>(await server.api(`/api/documents/${id}/versions/${second.id}`, { method: 'PATCH', body: { name: '  定稿 ' } }))).toMatchObject({ name: '定稿' })
    expect(await json<VersionDto>(await server.api(`/api/documents/${id}/versions/${second.id}`, { method: 'PATCH', body: { name: '' } }))).toMatchObject({ name: null })
    await json(await server.api(`/api/documents/${id}/versions`, { method: 'POST', body: { name: '' } }), 400)
    await json(await server.api(`/api/documents/${id}/versions/AAAAAAAAAAAAAAAA`), 404)
    await json(await server.api(`/api/documents/${id}/versions/..%2F`), 404)
  })

  it('restores through the live document: every open editor follows, the log stores it, the replaced text is kept', async () => {
    const id = await newDocument()
    await writeBody(server.collabUrl, id, server.token, '原来的第一段', '原来的第二段')
    const original = await nameVersion(id, '原稿')
    await writeBody(server.collabUrl, id, server.token, '改过的第一段', '新增的一段', '原来的第二段')

    const a = yClient(server.collabUrl, id, { token: server.token })
    const b = yClient(server.collabUrl, id, { token: server.token })
    clients.push(a, b)
    await Promise.all([synced(a), synced(b)])
    expect(bodyText(a)).toBe('改过的第一段\n\n新增的一段\n\n原来的第二段')

    const result = await json<RestoreResultDto>(await server.api(`/api/documents/${id}/versions/${original.id}/restore`, { method: 'POST' }))
    expect(result.restored.id).toBe(original.id)
    expect(result.backup).toMatchObject({ kind: 'before_restore', number: 2 })
    await waitFor(() => bodyText(a) === '原来的第一段\n\n原来的第二段' && bodyText(b) === '原来的第一段\n\n原来的第二段', { message: 'both editors to follow the restore' })

    // Stored like any update: a replay of the log gives the restored text.
    expect(nodeToText(ydocToNode(await storedDoc(server.store, id)))).toBe('原来的第一段\n\n原来的第二段')
    const backup = await json<VersionContentDto>(await server.api(`/api/documents/${id}/versions/${result.backup!.id}?format=text`))
    expect(backup.content).toBe('改过的第一段\n\n新增的一段\n\n原来的第二段')

    // Restoring what is already there changes nothing and keeps no backup.
    const again = await json<RestoreResultDto>(await server.api(`/api/documents/${id}/versions/${original.id}/restore`, { method: 'POST' }))
    expect(again.backup).toBeNull()
    // Editors keep working after it: the next edit lands on the restored text for everyone.
    ;((a.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(6, '（补）')
    await waitFor(() => bodyText(b) === '原来的第一段（补）\n\n原来的第二段', { message: 'an edit after the restore to reach the other editor' })
  })

  it('converges when editors type while a restore lands: same body everywhere and in the log', async () => {
    const id = await newDocument()
    await writeBody(server.collabUrl, id, server.token, '保留的段落', '版本里的第二段')
    const version = await nameVersion(id, '版本')
    await writeBody(server.collabUrl, id, server.token, '保留的段落', '当前的第二段', '多出来的第三段')
    const editors = [1, 2, 3].map(() => yClient(server.collabUrl, id, { token: server.token }))
    clients.push(...editors)
    await Promise.all(editors.map(synced))
    const random = seededRandom(42)
    const firstText = (client: YClient) => ((client.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText)
    const typeSome = () => {
      for (const client of editors) {
        const text = firstText(client)
        text.insert(Math.floor(random() * (text.length + 1)), '字')
      }
    }
    typeSome()
    const restoring = server.api(`/api/documents/${id}/versions/${version.id}/restore`, { method: 'POST' })
    typeSome()
    await json(await restoring)
    typeSome()
    await Promise.all(editors.map((client) => saved(client)))
    const xml = (client: YClient) => client.doc.getXmlFragment('default').toString()
    await waitFor(() => editors.every((client) => xml(client) === xml(editors[0]!)), { message: 'the editors to converge' })
    const stored = await storedDoc(server.store, id)
    expect(stored.getXmlFragment('default').toString()).toBe(xml(editors[0]!))
    // The restore replaced the blocks nobody was typing in; what was typed concurrently stays.
    const paragraphs = bodyText(editors[0]!).split('\n\n')
    expect(paragraphs).toHaveLength(2)
    expect(paragraphs[1]).toBe('版本里的第二段')
    expect(paragraphs[0]!.replaceAll('字', '')).toBe('保留的段落')
  })

  it('restores a document nobody has open', async () => {
    const id = await newDocument()
    await writeBody(server.collabUrl, id, server.token, '旧')
    const old = await nameVersion(id, '旧')
    await writeBody(server.collabUrl, id, server.token, '新')
    await json(await server.api(`/api/documents/${id}/versions/${old.id}/restore`, { method: 'POST' }))
    const content = await json<{ content: string }>(await server.api(`/api/documents/${id}/content?format=text`))
    expect(content.content).toBe('旧')
  })

  it('refuses to restore into a trashed document (409)', async () => {
    const id = await newDocument()
    const version = await nameVersion(id, '空')
    await json(await server.api(`/api/documents/${id}`, { method: 'DELETE' }))
    await json(await server.api(`/api/documents/${id}/versions/${version.id}/restore`, { method: 'POST' }), 409)
  })

  it('diffs two versions, or a version and the current text, character by character', async () => {
    const id = await newDocument()
    await writeBody(server.collabUrl, id, server.token, '我们要学习理论', '第二段')
    const v1 = await nameVersion(id, '一')
    await writeBody(server.collabUrl, id, server.token, '我们要认真学习理论', '第三段')
    const v2 = await nameVersion(id, '二')
    await writeBody(server.collabUrl, id, server.token, '我们要认真学习理论')

    const diff = await json<DocumentDiffDto>(await server.api(`/api/documents/${id}/diff?from=${v1.id}&to=${v2.id}`))
    expect(diff.ops).toEqual([
      { op: 'equal', text: '我们要' },
      { op: 'insert', text: '认真' },
      { op: 'equal', text: '学习理论\n\n第' },
      { op: 'delete', text: '二' },
      { op: 'insert', text: '三' },
      { op: 'equal', text: '段' },
    ])
    expect(diff).toMatchObject({ inserted: 3, deleted: 1, from: { id: v1.id }, to: { id: v2.id } })

    const toCurrent = await json<DocumentDiffDto>(await server.api(`/api/documents/${id}/diff?from=${v2.id}`))
    expect(toCurrent.to).toBe('current')
    expect(diffSides(toCurrent.ops)).toEqual({ before: '我们要认真学习理论\n\n第三段', after: '我们要认真学习理论' })

    await json(await server.api(`/api/documents/${id}/diff`), 400)
    await json(await server.api(`/api/documents/${id}/diff?from=AAAAAAAAAAAAAAAA`), 404)
  })
})

describe('automatic checkpoints', () => {
  it('keeps one when an edited document unloads, none when it was only read', async () => {
    const quick = await startTestServer({ unloadAfterMs: 20 })
    try {
      const edited = await newDocument(quick)
      const read = await newDocument(quick)
      await writeBody(quick.collabUrl, edited, quick.token, '编辑后离开')
      const reader = yClient(quick.collabUrl, read, { token: quick.token })
      await synced(reader)
      reader.destroy()
      const versionsOf = async (id: string) => (await json<{ versions: VersionDto[] }>(await quick.api(`/api/documents/${id}/versions`))).versions
      await waitFor(async () => (await versionsOf(edited)).length > 0, { message: 'a checkpoint on unload' })
      expect(await versionsOf(edited)).toEqual([expect.objectContaining({ kind: 'checkpoint', createdBy: null, characters: 5 })])
      await waitFor(() => quick.collab.loadedCount === 0, { message: 'both documents to unload' })
      expect(await versionsOf(read)).toEqual([])
    } finally {
      await quick.close()
    }
  })

  it('keeps one during a long session once checkpointEveryMs has passed since the first edit', async () => {
    const eager = await startTestServer({ checkpointEveryMs: 0 })
    try {
      const id = await newDocument(eager)
      const client = yClient(eager.collabUrl, id, { token: eager.token })
      clients.push(client)
      await synced(client)
      const body = client.doc.getXmlFragment('default')
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('第一笔')])
      body.insert(0, [paragraph])
      await saved(client)
      // The first edit after loading only starts the clock.
      expect(await eager.store.versions.list(id)).toEqual([])
      const text = paragraph.get(0) as Y.XmlText
      text.insert(3, '，第二笔')
      // Edits that reach the server within a few milliseconds of each other run the hooks once:
      // go on writing until a later change is seen on its own.
      await waitFor(
        async () => {
          if ((await eager.store.versions.list(id)).length > 0) return true
          text.insert(text.length, '。')
          return false
        },
        { message: 'a checkpoint while editing' },
      )
      expect((await eager.store.versions.latest(id))!.content).toContain('第一笔，第二笔')
    } finally {
      await eager.close()
    }
  })
})
