import type { Node, Schema } from 'prosemirror-model'
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform'
import type { AnnotationRecord } from './types'

/**
 * A change to one annotation, carried in a transaction like any edit so that
 * prosemirror-history undoes and redoes it: `before` null adds, `after` null removes, both
 * replace (retag, field edit, re-attach). The document is left as it is.
 */
export class AnnotationStep extends Step {
  constructor(
    readonly before: AnnotationRecord | null,
    readonly after: AnnotationRecord | null
  ) {
    super()
    if (!before && !after) throw new RangeError('AnnotationStep: needs a record before or after')
    if (before && after && before.id !== after.id) {
      throw new RangeError(`AnnotationStep: cannot turn annotation ${before.id} into ${after.id}`)
    }
  }

  /** The id of the annotation this step changes. */
  get id(): string {
    return (this.after ?? this.before)!.id
  }

  apply(doc: Node): StepResult {
    return StepResult.ok(doc)
  }

  override getMap(): StepMap {
    return StepMap.empty
  }

  invert(): AnnotationStep {
    return new AnnotationStep(this.after, this.before)
  }

  override map(mapping: Mappable): AnnotationStep {
    return new AnnotationStep(mapRecord(this.before, mapping), mapRecord(this.after, mapping))
  }

  toJSON(): { stepType: string; before: AnnotationRecord | null; after: AnnotationRecord | null } {
    return { stepType: STEP_TYPE, before: this.before, after: this.after }
  }

  static override fromJSON(_schema: Schema, json: unknown): AnnotationStep {
    const j = json as { before?: unknown; after?: unknown } | null
    if (!j || !isRecordOrNull(j.before) || !isRecordOrNull(j.after)) {
      throw new RangeError('Invalid input for AnnotationStep.fromJSON')
    }
    return new AnnotationStep(j.before, j.after)
  }
}

function isRecordOrNull(value: unknown): value is AnnotationRecord | null {
  if (value === null) return true
  const r = value as Partial<AnnotationRecord> | undefined
  return (
    typeof r === 'object' &&
    typeof r.id === 'string' &&
    typeof r.kind === 'string' &&
    typeof r.from === 'number' &&
    typeof r.to === 'number' &&
    typeof r.fields === 'object'
  )
}

function mapRecord(record: AnnotationRecord | null, mapping: Mappable): AnnotationRecord | null {
  if (!record || record.placement === 'orphaned') return record
  const from = mapping.map(record.from, 1)
  const to = mapping.map(record.to, -1)
  return from === record.from && to === record.to ? record : { ...record, from, to }
}

const STEP_TYPE = 'copydesk.annotation'

try {
  Step.jsonID(STEP_TYPE, AnnotationStep)
} catch (error) {
  // A hot module reload evaluates this file again; the first registration still serves.
  if (!(error instanceof RangeError && /Duplicate use of step JSON ID/.test(error.message))) throw error
}
