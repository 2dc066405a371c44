import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from '../shared/bridge'

// Sandboxed preload: it may only require('electron'); everything else is bundled in.
// The page gets one method per operation (see shared/bridge.ts), never ipcRenderer.
contextBridge.exposeInMainWorld('copydesk', createBridge(ipcRenderer))
