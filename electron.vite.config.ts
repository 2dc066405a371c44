import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three bundles: main (Electron main process plus the headless CLI, which shares its core,
// and the import worker both start: out/main/import-worker.js beside index.js and cli.js),
// preload (sandboxed, so it bundles everything it needs), renderer (the React UI).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/core/work/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // COPYDESK_MINIFY=0 keeps function names, for reading CPU profiles (BENCH_PROFILE).
      minify: process.env.COPYDESK_MINIFY !== '0',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
