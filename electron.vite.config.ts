import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Main and preload are bundled as CommonJS: a sandboxed preload cannot load ES modules.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: { rollupOptions: { input: resolve('src-renderer/index.html') } },
    plugins: [react()],
  },
})
