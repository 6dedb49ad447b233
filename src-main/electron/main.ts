import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CHANNEL_NAMES } from '../../src-shared/contract/channels'
import { CHANNEL_LIST_IPC, EVENT_IPC_CHANNEL } from '../../src-shared/contract/transport'
import { CONTENT_SECURITY_POLICY } from '../bridge/static-files'
import { openCore, type Core } from '../core/core'

/**
 * The thin Electron shell: one window, the core in this process, one IPC handler per channel.
 * Everything it calls also runs under plain Node behind the HTTP bridge.
 */

const ownWindows = new Set<number>()

function parseFlags() {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { 'data-dir': { type: 'string' }, database: { type: 'string' } },
    strict: false,
  })
  return {
    dataDir: values['data-dir'] as string | undefined,
    database: values.database as string | undefined,
  }
}

/** Only our own windows may call main; any other sender (a stray frame) is ignored. */
function fromOwnWindow(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  return ownWindows.has(event.sender.id) && url.startsWith('file://')
}

function registerChannels(core: Core) {
  ipcMain.on(CHANNEL_LIST_IPC, (event) => {
    event.returnValue = ownWindows.has(event.sender.id) ? CHANNEL_NAMES : []
  })
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, request: unknown) => {
      if (!fromOwnWindow(event)) return undefined
      return core.dispatcher.dispatchEnvelope(name, request)
    })
  }
  core.events.subscribe((eventName, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      window.webContents.send(EVENT_IPC_CHANNEL, eventName, payload)
    }
  })
}

function createWindow() {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Orchestra Desktop',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's PDF viewer, for the bill preview; it runs no page script.
      plugins: true,
    },
  })
  ownWindows.add(window.webContents.id)

  // The window shows our pages only; links to the web open in the user's browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadFile(join(__dirname, '../renderer/index.html'))
}

async function openCoreOrExplain(): Promise<Core | undefined> {
  try {
    return await openCore({ ...parseFlags(), periodicTasks: true })
  } catch (error) {
    dialog.showErrorBox('Orchestra cannot open its database', (error as Error).message)
    app.quit()
    return undefined
  }
}

app.whenReady().then(async () => {
  const core = await openCoreOrExplain()
  if (!core) return
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
  registerChannels(core)
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('will-quit', () => void core.close())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
