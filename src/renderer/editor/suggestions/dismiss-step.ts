import type { Node, Schema } from 'prosemirror-model'
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform'

/**
 * Dismissing suggestions (or taking a dismissal back), carried in a transaction like an edit
 * so that undo and redo take it back and forth: Ctrl/⌘+Z after dismissing brings the
 * suggestions back. The document is left as it is; the suggestions plugin keeps the set of
 * dismissed keys, and the page keeps the store in step with it.
 */
export class DismissStep extends Step {
  constructor(
    readonly keys: readonly string[],
    readonly dismissed: boolean
  ) {
    super()
    if (keys.length === 0) throw new RangeError('DismissStep: needs at least one key')
  }

  apply(doc: Node): StepResult {
    return StepResult.ok(doc)
  }

  override getMap(): StepMap {
    return StepMap.empty
  }

  invert(): DismissStep {
    return new DismissStep(this.keys, !this.dismissed)
  }

  override map(_mapping: Mappable): DismissStep {
    return this
  }

  toJSON(): { stepType: string; keys: readonly string[]; dismissed: boolean } {
    return { stepType: STEP_TYPE, keys: this.keys, dismissed: this.dismissed }
  }

  static override fromJSON(_schema: Schema, json: unknown): DismissStep {
    const j = json as { keys?: unknown; dismissed?: unknown } | null
    if (!j || !Array.isArray(j.keys) || !j.keys.every((k) => typeof k === 'string') || typeof j.dismissed !== 'boolean') {
      throw new RangeError('Invalid input for DismissStep.fromJSON')
    }
    return new DismissStep(j.keys as string[], j.dismissed)
  }
}

const STEP_TYPE = 'copydesk.dismiss'

try {
  Step.jsonID(STEP_TYPE, DismissStep)
} catch (error) {
  // A hot module reload evaluates this file again; the first registration still serves.
  if (!(error instanceof RangeError && /Duplicate use of step JSON ID/.test(error.message))) throw error
}
