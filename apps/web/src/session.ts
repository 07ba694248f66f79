import type { UserDto } from '@dongbi/schema'
import { api } from './api/apiClient.ts'

/** The signed-in user, shared by every page; `changed` fires when it changes. */
class Session extends EventTarget {
  user: UserDto | null = null
  loaded = false

  async load(): Promise<UserDto | null> {
    try {
      this.set(await api.me())
    } catch {
      this.set(null)
    }
    this.loaded = true
    return this.user
  }

  set(user: UserDto | null): void {
    this.user = user
    this.dispatchEvent(new Event('changed'))
  }

  /** Secretary of at least one branch, or org admin. */
  get managesBranches(): boolean {
    return Boolean(this.user && (this.user.isAdmin || this.user.memberships.some((m) => m.role === 'secretary')))
  }
}

export const session = new Session()
