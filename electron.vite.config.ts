import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** CLINIC_DESK_OUT lets two builds (parallel test runs) sit side by side; the default is out/. */
const OUT = process.env.CLINIC_DESK_OUT ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${OUT}/main`,
      // ESM-only packages cannot be require()d by the CommonJS main bundle: bundle them in.
      externalizeDeps: { exclude: ['eld'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/bin.ts'),
          // The utility process that owns the database (issue 16): plain Node, no electron import.
          backend: resolve(__dirname, 'src-main/backend/index.ts'),
          // The call import thread (issue 12): a worker thread with its own database connection.
          callImportThread: resolve(__dirname, 'src-main/domain/calls/importThread/threadEntry.ts'),
        },
        // Shared chunks beside the entries, so __dirname is out/main in every file (../renderer, ../preload).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      // Sandboxed preloads cannot require node_modules: bundle everything into one file.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, OUT, 'renderer'),
      // LAN browsers download it: minified, and split per screen (routes.tsx lazy-loads every view but the inbox).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
