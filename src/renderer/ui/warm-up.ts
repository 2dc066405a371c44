import { Node } from 'prosemirror-model'
import { TextSelection, type EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { undo } from 'prosemirror-history'
import { anchorFor } from '../../shared/anchor'
import { ANNOTATION_KINDS, defaultFields, type Annotation } from '../../shared/domain'
import { articleSchema, type BlockJSON, type DocJSON } from '../../shared/schema'
import { docText } from '../../shared/text'
import { annotationsFromStored, selectAnnotation, selectedAnnotationId, updateAnnotationFields } from '../editor/annotations'
import { tagSelection } from '../editor/annotation-keys'
import { whenIdle } from '../editor/frame'
import { articleEditorState } from './article-editor'

/**
 * Runs the article editor's code once, in idle time while the library shows, on a small
 * made-up article in a hidden editor that is then thrown away. The first article a user
 * opens otherwise pays for it: the browser compiles each function the first time it runs.
 * On the bench (four paired runs, the article opened a second after the library showed),
 * the first open's main-thread time went from 154–202 to 141–156 ms and the first typed
 * key from 29–50 to 27–34 ms; what remains is mostly the first pass over a long article's
 * hundreds of paragraphs, which a small article cannot warm.
 * Each step is its own idle task; the returned `cancel` (as the window goes to an article)
 * stops the rest.
 */
export function warmUpArticleEditor(): () => void {
  let cancelled = false
  let view: EditorView | null = null
  let host: HTMLElement | null = null
  let state: EditorState | null = null
  const done = (): void => {
    view?.destroy()
    host?.remove()
    view = null
    host = null
  }
  const steps: (() => void)[] = [
    () => {
      const { doc, stored } = sampleArticle()
      state = articleEditorState(doc, annotationsFromStored(doc, stored, new Date().toISOString()), { user: () => '', suggestions: () => null })
    },
    () => {
      host = document.body.appendChild(document.createElement('div'))
      host.className = 'editor warm-up'
      host.setAttribute('aria-hidden', 'true')
      view = new EditorView(host, {
        state: state!,
        dispatchTransaction: (tr) => view!.updateState(view!.state.apply(tr))
      })
    },
    () => {
      // A key as the browser types it: the text changes in the page and the editor reads it
      // back (its mutation observer runs once this task is done).
      const walker = document.createTreeWalker(view!.dom.querySelector('p')!, NodeFilter.SHOW_TEXT)
      ;(walker.nextNode() as Text | null)?.insertData(12, 'a')
    },
    () => {
      const v = view!
      // Typing, tagging, a tag's details, and undo: what an editor does first in an article.
      for (let i = 0; i < 6; i++) v.dispatch(v.state.tr.insertText('a', 40 + i))
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, 200, 230)))
      tagSelection('claim')(v.state, v.dispatch, v)
      const id = selectedAnnotationId(v.state)
      if (id) updateAnnotationFields(id, { status: 'in_review' })(v.state, v.dispatch)
      selectAnnotation(null)(v.state, v.dispatch)
      undo(v.state, v.dispatch)
      undo(v.state, v.dispatch)
    },
    done
  ]
  const next = (): void => {
    if (cancelled) return done()
    const step = steps.shift()
    if (!step) return
    try {
      step()
    } catch (err) {
      // Only time is at stake: the article will run the same code when it opens.
      console.warn('Copydesk: warming up the editor failed', err)
      return done()
    }
    if (steps.length > 0) whenIdle(next)
  }
  whenIdle(next)
  return () => {
    cancelled = true
    done()
  }
}

const SENTENCES = [
  'The council voted 7 to 2 on Tuesday to raise the parking levy by 12 per cent from April.',
  '“We cannot keep the buses running on goodwill,” said Maria Okafor, who chairs the transport committee.',
  'According to the council’s own figures, the levy brought in £4.3 million last year, up from £3.1 million in 2022.',
  'Opponents said the rise would hit shift workers hardest, and a petition against it has 9,400 signatures.',
  'A spokesperson for the Chamber of Commerce told reporters that footfall in the centre fell by a fifth after the last rise.',
  'The transport department said it would publish a full impact assessment before the vote, but it has not done so.'
]

/** A short article of made-up news copy with a few annotations of each kind. */
function sampleArticle(): { doc: Node; stored: Annotation[] } {
  const blocks: BlockJSON[] = [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Council raises the parking levy' }] }]
  for (let i = 0; i < 24; i++) {
    const text = [0, 1, 2].map((k) => SENTENCES[(i + k * 2) % SENTENCES.length]).join(' ')
    const paragraph: BlockJSON = { type: 'paragraph', content: [{ type: 'text', text }] }
    blocks.push(i % 8 === 5 ? { type: 'blockquote', content: [paragraph] } : paragraph)
  }
  const doc = Node.fromJSON(articleSchema, { type: 'doc', content: blocks } satisfies DocJSON)
  const text = docText(doc)
  const stored: Annotation[] = []
  const at = '2026-01-01T00:00:00.000Z'
  for (let start = text.indexOf('said'), i = 0; start >= 0 && i < 60; start = text.indexOf('said', start + 200), i++) {
    const kind = ANNOTATION_KINDS[i % 3]
    stored.push({
      id: `warm-up-${i}`,
      kind,
      anchor: anchorFor(text, Math.max(0, start - 40), start + 20),
      fields: defaultFields(kind),
      origin: 'manual',
      placement: 'anchored',
      createdBy: '',
      createdAt: at,
      updatedBy: '',
      updatedAt: at
    } as Annotation)
  }
  return { doc, stored }
}
