/**
 * How long the work that follows a keystroke's broadcast waits: applying it to the room's doc,
 * the change hooks (see `DocumentRoom`), the document's `updated_at` (see `TouchQueue`).
 *
 * Readers on the server's machine (every benchmark, a small deployment) take a keystroke in
 * within about 2 ms, but the slowest of them within 5–10 ms. At 5 ms that work still ran
 * while those read, and lengthened the tail of the fan-out latency (bench/README.md,
 * 2026-12-04). 20 ms is past that tail, and still far below anything a person notices.
 */
export const afterSendDelayMs = 20
