import { CopydeskError } from '../../src/shared/errors'

/** The CopydeskError a promise ends in (its code and message), or 'no error'; anything else is rethrown. */
export async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string } | 'no error'> {
  try {
    await p
    return 'no error'
  } catch (err) {
    if (err instanceof CopydeskError) return { code: err.code, message: err.message }
    throw err
  }
}
