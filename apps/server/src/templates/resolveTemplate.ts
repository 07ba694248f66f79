import { builtinTemplate, type Template } from '@dongbi/gongwen'
import type { UserRow } from '../store/UserStore.ts'
import type { Store } from '../store/Store.ts'

/** The template `id` names, if `user` may use it; undefined otherwise. */
export async function resolveTemplate(_store: Store, _user: UserRow, id: string): Promise<Template | undefined> {
  return builtinTemplate(id)
}
