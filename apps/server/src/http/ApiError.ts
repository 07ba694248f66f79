import { errorStatus, type ErrorCode } from '@dongbi/schema'

/** An error a handler throws to answer `{ "error": { code, message } }` with the code's status. */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }

  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code]
  }
}
