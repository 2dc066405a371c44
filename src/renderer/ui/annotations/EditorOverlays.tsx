import { memo, useEffect, useRef, useState, type JSX, type RefObject } from 'react'
import { Menu } from '../common/Menu'
import type { AnnotationKind } from '../../../shared/domain'
import { CLAIM_STATUS_LABELS } from '../../../shared/domain'
import type { EditorHandle } from '../../editor/react'
import { annotationsVersion, getAnnotation, type AnnotationRecord } from '../../editor/annotations'
import { useEditorSelector } from '../../editor/react'
import { annotationRect, annotationsUnderPointer } from './pointer'
import { KIND_LABELS, SHORTCUTS } from '../labels'
import { shortcut } from '../shortcuts'

function hoverSummary(a: AnnotationRecord, all: (id: string) => AnnotationRecord | undefined): string {
  if (a.kind === 'claim') {
    const s = CLAIM_STATUS_LABELS[a.fields.status]
    return a.fields.explanation ? `${s} — ${a.fields.explanation}` : s
  }
  if (a.kind === 'quote') {
    const speaker = a.fields.speakerId ? all(a.fields.speakerId) : undefined
    const name = speaker?.kind === 'attribution' ? speaker.fields.sourceName || speaker.exact : a.fields.speakerName
    return name ? `Speaker: ${name}${a.fields.checked ? ' · checked' : ''}` : 'Speaker not set'
  }
  return [a.fields.sourceName || 'Source not named', a.fields.cue].filter(Boolean).join(' · ')
}

/**
 * A summary card for the annotations under the mouse. The annotations are found by position
 * (the highlights painter has no element per annotation), at most once a frame.
 */
export const HoverCard = memo(function HoverCard({
  handle,
  container,
  kinds
}: {
  handle: EditorHandle
  container: RefObject<HTMLDivElement | null>
  /** The kinds shown in the text: a hidden kind gets no card. */
  kinds: ReadonlySet<AnnotationKind>
}): JSX.Element | null {
  const [card, setCard] = useState<{ x: number; y: number; items: AnnotationRecord[] } | null>(null)
  const visibleKinds = useRef(kinds)
  visibleKinds.current = kinds
  useEffect(() => {
    const el = container.current
    if (!el) return
    let frame = 0
    let point: { x: number; y: number } | null = null
    let shown = ''
    const show = (items: AnnotationRecord[]): void => {
      const key = items.map((a) => a.id).join(' ')
      if (key === shown) return
      shown = key
      const view = handle.view
      const rect = view && items.length ? annotationRect(view, items[0]) : null
      setCard(rect ? { x: rect.left, y: rect.bottom + 6, items } : null)
    }
    const look = (): void => {
      frame = 0
      const view = handle.view
      if (!point || !view) return
      show(annotationsUnderPointer(view, point.x, point.y).filter((a) => visibleKinds.current.has(a.kind)))
    }
    const move = (e: MouseEvent): void => {
      // Not while selecting text with the mouse.
      if (e.buttons !== 0) return
      point = { x: e.clientX, y: e.clientY }
      if (!frame) frame = requestAnimationFrame(look)
    }
    const leave = (): void => {
      point = null
      show([])
    }
    el.addEventListener('mousemove', move)
    el.addEventListener('mouseleave', leave)
    return () => {
      if (frame) cancelAnimationFrame(frame)
      el.removeEventListener('mousemove', move)
      el.removeEventListener('mouseleave', leave)
    }
  }, [handle, container])
  // An annotation removed or undone under the card leaves it at once, not at the next mouse move.
  useEditorSelector(handle, annotationsVersion, -1)
  if (!card || !handle.view) return null
  const state = handle.view.state
  const items = card.items.map((a) => getAnnotation(state, a.id)).filter((a): a is AnnotationRecord => !!a && a.placement === 'anchored')
  if (!items.length) return null
  return (
    <div className="hover-card" role="tooltip" style={{ left: card.x, top: card.y }}>
      {items.map((a) => (
        <div key={a.id} className="hover-row">
          <span className={`kind-chip chip-${a.kind}`}>{KIND_LABELS[a.kind]}</span> {hoverSummary(a, (id) => getAnnotation(state, id))}
        </div>
      ))}
      <div className="muted small">Click to open</div>
    </div>
  )
})

export interface MenuState {
  x: number
  y: number
  canTag: boolean
  /** The annotation the menu was opened on (innermost), and its name ("Claim “…”"). */
  onAnnotation: string | null
  annotationName: string
}

/** The editor's context menu: tag the selection, or remove the annotation under the pointer. */
export function ContextMenu({
  menu,
  onTag,
  onRemove,
  onClose
}: {
  menu: MenuState
  onTag: (k: AnnotationKind) => void
  onRemove: (id: string) => void
  onClose: () => void
}): JSX.Element {
  // Kept on screen: a right click near the window's edge opens the menu inward.
  const left = Math.min(menu.x, window.innerWidth - 240)
  const top = Math.min(menu.y, window.innerHeight - 180)
  return (
    <Menu
      label="Annotation"
      className="context-menu"
      style={{ left: Math.max(4, left), top: Math.max(4, top) }}
      onClose={onClose}
      items={[
        ...(['claim', 'quote', 'attribution'] as const).map((k) => ({
          key: k,
          label: `Tag as ${KIND_LABELS[k]}`,
          keys: shortcut(SHORTCUTS[k].keys),
          disabled: !menu.canTag,
          keepSelection: true,
          onSelect: () => onTag(k)
        })),
        ...(menu.onAnnotation ? [{ key: 'remove', label: `Remove ${menu.annotationName}`, onSelect: () => onRemove(menu.onAnnotation!) }] : [])
      ]}
    />
  )
}
