import type { CommentResult } from '../../../shared/contract'
import type { Thread } from '../../../shared/domain'
import { call } from '../../api'

type Listener = (thread: Thread) => void

/**
 * An article's threads as the page reaches them: every change goes to the store at once (a
 * thread is not part of the article's autosave) and is told to whoever shows that thread,
 * so an Undo pressed in a notice after the details moved on still updates them when they
 * come back. A thread can only hang on a saved annotation: changes wait for the article's
 * pending save first (an annotation tagged a moment ago).
 */
export class ThreadClient {
  private readonly listeners = new Map<string, Set<Listener>>()
  /** What was typed in each reply box and not sent: kept while the details show another annotation. */
  private readonly drafts = new Map<string, string>()

  constructor(
    readonly articleId: number,
    /** Resolves once every change to the article so far is saved. */
    private readonly saved: () => Promise<void>
  ) {}

  /** The thread of an annotation, read from the store. */
  get(annotationId: string): Promise<Thread> {
    return call('getThread', { articleId: this.articleId, annotationId })
  }

  async add(annotationId: string, body: string): Promise<CommentResult> {
    await this.saved()
    return this.told(await call('addComment', { articleId: this.articleId, annotationId, body }))
  }

  async edit(commentId: string, body: string): Promise<CommentResult> {
    return this.told(await call('editComment', { articleId: this.articleId, commentId, body }))
  }

  async remove(commentId: string): Promise<CommentResult> {
    return this.told(await call('deleteComment', { articleId: this.articleId, commentId }))
  }

  async restore(commentId: string): Promise<CommentResult> {
    return this.told(await call('restoreComment', { articleId: this.articleId, commentId }))
  }

  async resolve(annotationId: string, resolved: boolean): Promise<Thread> {
    await this.saved()
    const thread = await call('resolveThread', { articleId: this.articleId, annotationId, resolved })
    this.tell(thread)
    return thread
  }

  /** The reply typed on an annotation and not sent yet ('' when none). */
  draft(annotationId: string): string {
    return this.drafts.get(annotationId) ?? ''
  }

  keepDraft(annotationId: string, text: string): void {
    if (text) this.drafts.set(annotationId, text)
    else this.drafts.delete(annotationId)
  }

  /** Calls `listener` with the thread of `annotationId` each time a change leaves it new. */
  subscribe(annotationId: string, listener: Listener): () => void {
    let set = this.listeners.get(annotationId)
    if (!set) this.listeners.set(annotationId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(annotationId)
    }
  }

  private told(result: CommentResult): CommentResult {
    this.tell(result.thread)
    return result
  }

  private tell(thread: Thread): void {
    for (const l of this.listeners.get(thread.annotationId) ?? []) l(thread)
  }
}
