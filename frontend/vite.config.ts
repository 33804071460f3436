import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `<file>.br` and `<file>.gz` beside every text asset of the build (the server sends them as they are,
 * so nothing is compressed per request). Skips small files and files that do not shrink.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'thidua-precompress',
    apply: 'build',
    configResolved: (c) => void (outDir = path.resolve(c.root, c.build.outDir)),
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|webmanifest)$/.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  // The ballot cryptography and the ledger's proof check live once, in the backend; the browser encrypts and verifies with them.
  // The shared rules (packages/rules) are bundled from their source.
  resolve: {
    alias: {
      '@ballot-crypto': path.resolve(__dirname, '../backend/src/modules/ballots/crypto/paper-crypto.ts'),
      '@ledger-proof': path.resolve(__dirname, '../backend/src/modules/audit/ledger-proof.ts'),
      '@thidua/rules': path.resolve(__dirname, '../packages/rules/src/index.ts'),
      '@ledger-fingerprint': path.resolve(__dirname, '../backend/src/modules/audit/ledger-fingerprint.ts'),
      '@': path.resolve(__dirname, 'src'),
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist', sourcemap: false, manifest: true, chunkSizeWarningLimit: 1500,
    // React, the router and TanStack Query change together and seldom: one chunk that stays cached across
    // releases. The UI kit's core – what most pages load anyway (its style engine, theme, form store, popup
    // positioning, buttons, inputs…): every kit module that at least 35 of the build's entries (routes, lazy
    // dialogs) import – goes into one "kit" chunk, which gzips better than the dozen small files it replaces;
    // the rest of the kit keeps the default split (a chunk per component family, loaded by the pages that use
    // it). Merging all of it made every route heavier. Measured with bench/bundle-size.mjs (docs/performance.md).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|cookie|set-cookie-parser)[\\/]/ }, { name: 'kit', test: /node_modules[\\/](antd|@rc-component|@ant-design|rc-[a-z-]+|stylis|@emotion|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|@babel[\\/]runtime|dayjs|classnames|clsx)[\\/]/, minShareCount: 35 }] } } },
  },
});
