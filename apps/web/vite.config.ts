import { defineConfig } from 'vite'

const server = process.env.DONGBI_SERVER ?? 'http://127.0.0.1:8420'

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  esbuild: { target: 'es2022' },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
})
