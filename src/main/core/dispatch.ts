import { contract, type InputOf, type OutputOf } from '../../shared/contract'
import { CopydeskError, ok, toErrorValue, type Result } from '../../shared/errors'
import { JsonText } from '../../shared/json-text'
import { OPERATION_NAMES, type OperationName } from '../../shared/ops'

/**
 * The services behind the contract: one function per operation, inputs already validated.
 * A service may give its value as JSON text the store wrote (JsonText).
 */
export type Services = {
  [K in OperationName]: (input: InputOf<K>) => OutputOf<K> | JsonText | Promise<OutputOf<K> | JsonText>
}

export interface DispatchOptions {
  /** Give a value the store wrote as JSON text as that text (a door that sends JSON); otherwise as a value. */
  jsonText?: boolean
}

/** What every door calls: validate, run, and turn whatever happens into a Result. */
export type Dispatch = (op: string, input: unknown, options?: DispatchOptions) => Promise<Result<unknown>>

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}

export function isOperation(op: string): op is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(op)
}

/** Builds the single entry point the doors share. Nothing thrown escapes it. */
export function createDispatch(services: Services): Dispatch {
  return async (op, input, options = {}) => {
    try {
      if (!isOperation(op)) throw new CopydeskError('invalid_input', `Copydesk has no operation called "${op}"`)
      const parsed = contract[op].input.safeParse(input ?? {})
      if (!parsed.success) {
        throw new CopydeskError('invalid_input', `The request to ${op} was not valid: ${describeIssues(parsed.error)}`)
      }
      const run = services[op] as (i: unknown) => unknown
      const value = await run(parsed.data)
      return ok(value instanceof JsonText && !options.jsonText ? value.toJSON() : value)
    } catch (err) {
      return { ok: false, error: toErrorValue(err) }
    }
  }
}
