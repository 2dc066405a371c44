import { CopydeskError } from '../../shared/errors'
import type { Dispatch } from '../core/dispatch'

/** Calls an operation and returns its value, or throws its error. */
export async function call<T>(ctx: { dispatch: Dispatch }, op: string, input: unknown): Promise<T> {
  const result = await ctx.dispatch(op, input)
  if (!result.ok) throw new CopydeskError(result.error.code, result.error.message)
  return result.value as T
}
