import { contextBridge, ipcRenderer } from 'electron'
import { buildDeskApi } from '../../shared/contract.js'

// One function per contract method, each bound to its own channel; the page never sees
// ipcRenderer or a generic invoke.
contextBridge.exposeInMainWorld(
  'midad',
  buildDeskApi((method, args) => ipcRenderer.invoke(method, ...args)),
)
