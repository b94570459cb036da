import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // ECharts is one lazily loaded chunk of about 600 kB (200 kB gzipped), loaded only with the first chart.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 700 },
  // `npm run dev`: the API runs on 8080 (`npm start`); its routes are at the root.
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/screen',
        '/parties',
        '/clearances',
        '/stats',
        '/lists',
        '/controls',
        '/crosswalk',
        '/gaps',
        '/classify',
        '/determine',
        '/assess',
        '/assessments',
        '/denials',
        '/applications',
        '/consultations',
        '/audit',
        '/supply',
      ].map((p) => [p, 'http://127.0.0.1:8080']),
    ),
  },
});
