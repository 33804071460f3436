import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The ballot cryptography lives once, in the backend's ballots module; the browser encrypts with it.
  resolve: { alias: { '@ballot-crypto': path.resolve(__dirname, '../backend/src/modules/ballots/crypto/paper-crypto.ts'), '@': path.resolve(__dirname, 'src') } },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', sourcemap: false, manifest: true, chunkSizeWarningLimit: 1500 },
});
