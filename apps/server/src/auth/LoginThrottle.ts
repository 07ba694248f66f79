interface Window {
  failures: number
  resetAt: number
}

export interface LoginThrottleOptions {
  /** Failed attempts allowed per account per window. */
  perAccount: number
  /** Failed attempts allowed per client address per window. */
  perAddress: number
  windowMs: number
}

/**
 * Counts failed logins per account and per client address over a sliding window; past the
 * limit, further attempts are refused until the window ends (even with the right password,
 * so guessing cannot continue). A success clears the account's count.
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, Window>()
  private readonly addresses = new Map<string, Window>()

  constructor(private readonly options: LoginThrottleOptions) {}

  /** Milliseconds until a new attempt is allowed; 0 when allowed now. */
  retryAfter(username: string, address: string, now = Date.now()): number {
    const account = this.current(this.accounts, username, now)
    const client = this.current(this.addresses, address, now)
    const waits = [
      account && account.failures >= this.options.perAccount ? account.resetAt - now : 0,
      client && client.failures >= this.options.perAddress ? client.resetAt - now : 0,
    ]
    return Math.max(...waits)
  }

  fail(username: string, address: string, now = Date.now()): void {
    this.bump(this.accounts, username, now)
    this.bump(this.addresses, address, now)
  }

  succeed(username: string): void {
    this.accounts.delete(username)
  }

  private current(map: Map<string, Window>, key: string, now: number): Window | undefined {
    const window = map.get(key)
    if (window && window.resetAt <= now) {
      map.delete(key)
      return undefined
    }
    return window
  }

  private bump(map: Map<string, Window>, key: string, now: number): void {
    const window = this.current(map, key, now) ?? { failures: 0, resetAt: now + this.options.windowMs }
    window.failures++
    map.set(key, window)
    if (map.size > 100_000) this.prune(map, now)
  }

  private prune(map: Map<string, Window>, now: number): void {
    for (const [key, window] of map) if (window.resetAt <= now) map.delete(key)
  }
}
