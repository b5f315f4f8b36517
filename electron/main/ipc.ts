import { type IpcMainInvokeEvent, ipcMain } from 'electron'
import { methodNames } from '../../shared/contract.js'
import { fail } from '../../shared/result.js'
import type { Dispatch } from '../core/dispatch.js'
import { isTrustedSender } from './trust.js'

/**
 * Binds every contract method as its own IPC channel. Each call is checked for its sender
 * and its arguments go through the core's validating dispatch; nothing is thrown across IPC.
 */
export function bindDeskIpc(dispatch: Dispatch, rendererUrl: string): () => void {
  for (const method of methodNames) {
    ipcMain.handle(method, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, rendererUrl)) {
        return fail('refused', `${method} refused: the call did not come from the desk's page`)
      }
      return dispatch(method, args)
    })
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(method))
}
