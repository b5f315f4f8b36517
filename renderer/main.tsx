import '@fontsource/noto-naskh-arabic/400.css'
import '@fontsource/noto-naskh-arabic/700.css'
import '@fontsource/noto-sans-arabic/400.css'
import '@fontsource/noto-sans-arabic/600.css'
import 'quill/dist/quill.core.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectDesk } from './api/desk.js'
import { App } from './app/App.js'
import { ar } from './i18n/ar.js'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
const connection = connectDesk()
createRoot(root).render(
  <StrictMode>
    {connection ? (
      // After a backup is restored the whole desk is read again: the page starts over.
      <App connection={{ ...connection, reopen: () => window.location.reload() }} />
    ) : (
      <p className="fatal">{ar.noToken}</p>
    )}
  </StrictMode>,
)
