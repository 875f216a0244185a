// Build of the three Electron targets into out/{main,preload,renderer} (or --outDir). main keeps its npm
// dependencies external (loaded from node_modules, native modules included); the sandboxed preload cannot
// require() packages, so it is one self-contained file.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // cli: the `authdesk` command line (bin/authdesk.js), built from the same sources without Electron.
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/index.ts'), cli: resolve(__dirname, 'main/cli.ts') },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
});
