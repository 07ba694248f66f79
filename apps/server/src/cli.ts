import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { password as passwordSchema, username as usernameSchema } from '@dongbi/schema'
import { createUser } from './auth/createUser.ts'
import { loadConfig } from './config.ts'
import { createStore } from './store/createStore.ts'

const usage = `usage: npm run admin -- create-admin --username NAME [--name 显示名]
  The password is read from DONGBI_ADMIN_PASSWORD, or asked for on the terminal.
  Uses the same DATABASE_URL as the server.`

async function readPassword(): Promise<string> {
  if (process.env.DONGBI_ADMIN_PASSWORD) return process.env.DONGBI_ADMIN_PASSWORD
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return await rl.question('Password (at least 8 characters): ')
  } finally {
    rl.close()
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { username: { type: 'string' }, name: { type: 'string' } } })
  if (positionals[0] !== 'create-admin' || !values.username) {
    console.error(usage)
    return 2
  }
  const login = usernameSchema.safeParse(values.username)
  if (!login.success) {
    console.error(login.error.issues[0]!.message)
    return 2
  }
  const store = await createStore(loadConfig())
  try {
    const existing = await store.users.byUsername(login.data)
    if (existing) {
      await store.users.update(existing.id, { is_admin: 1, disabled_at: null })
      await store.audit.record({ actorId: null, action: 'admin_changed', targetType: 'user', targetId: existing.id, details: { isAdmin: true, via: 'cli' } })
      console.log(`${login.data} is now an org admin (password unchanged).`)
    } else {
      const password = passwordSchema.safeParse(await readPassword())
      if (!password.success) {
        console.error(password.error.issues[0]!.message)
        return 2
      }
      const user = await createUser(store, { username: login.data, displayName: values.name ?? login.data, password: password.data, isAdmin: true })
      await store.audit.record({ actorId: null, action: 'user_created', targetType: 'user', targetId: user.id, details: { isAdmin: true, via: 'cli' } })
      console.log(`Created org admin ${login.data}.`)
    }
    return 0
  } finally {
    await store.close()
  }
}

process.exitCode = await main()
