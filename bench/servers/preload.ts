/**
 * Loaded with `--import` into every server process the bench starts (ours and the peers
 * alike): on SIGUSR2 it runs a full garbage collection (needs `--expose-gc`) and prints
 * `BENCH_MEMORY {process.memoryUsage()}`, so memory is read the same way for every server.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  process.stdout.write(`BENCH_MEMORY ${JSON.stringify(process.memoryUsage())}\n`)
})
