import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'

// The dev server proxies API calls to the Trackboard server (`npm run dev` starts both).
const serverPort = Number(process.env.PORT ?? 4173)

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
    tailwindcss(),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/t': `http://127.0.0.1:${serverPort}`,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
})
