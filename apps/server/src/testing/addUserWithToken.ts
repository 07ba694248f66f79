import { createUser } from '../auth/createUser.ts'
import { hashSecret, newId, newSecret } from '../auth/secretToken.ts'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/** Creates a user directly in the store and returns them with an API token of theirs. */
export async function addUserWithToken(
  store: Store,
  username: string,
  options: { isAdmin?: boolean; displayName?: string; password?: string } = {},
): Promise<{ user: UserRow; token: string }> {
  const user = await createUser(store, {
    username,
    displayName: options.displayName ?? username,
    password: options.password ?? 'correct horse battery staple',
    isAdmin: options.isAdmin,
  })
  return { user, token: await newTokenFor(store, user.id) }
}

/** A new API token of an existing user. */
export async function newTokenFor(store: Store, userId: string): Promise<string> {
  const token = newSecret('dbt_')
  await store.sessions.insertToken({
    id: newId(),
    user_id: userId,
    name: 'test',
    token_hash: hashSecret(token),
    created_at: new Date().toISOString(),
    last_used_at: null,
    expires_at: null,
    revoked_at: null,
  })
  return token
}
